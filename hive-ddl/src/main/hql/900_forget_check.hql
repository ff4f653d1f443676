-- Fails (assert_true) when a curated table still holds the person being forgotten: lake forget runs it after it
-- rebuilt curated from the rewritten raw zone. The person is named by kind and id only; the pseudonym is computed
-- here from the secret salt, so it appears in no command line and no log.
-- Parameters: ${hivevar:kind} (student or contact), ${hivevar:subject_id} (plus the tables of 100).

-- curated.students.student_key
SELECT assert_true(COUNT(*) = 0) AS students_student_key_clear
FROM curated.students x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.student_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);

-- curated.contacts.student_key
SELECT assert_true(COUNT(*) = 0) AS contacts_student_key_clear
FROM curated.contacts x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.student_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);

-- curated.contacts.contact_key
SELECT assert_true(COUNT(*) = 0) AS contacts_contact_key_clear
FROM curated.contacts x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.contact_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);

-- curated.apprenticeships.student_key
SELECT assert_true(COUNT(*) = 0) AS apprenticeships_student_key_clear
FROM curated.apprenticeships x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.student_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);

-- curated.attendances.student_key
SELECT assert_true(COUNT(*) = 0) AS attendances_student_key_clear
FROM curated.attendances x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.student_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);

-- curated.grades.student_key
SELECT assert_true(COUNT(*) = 0) AS grades_student_key_clear
FROM curated.grades x CROSS JOIN (SELECT MAX(salt) AS salt FROM secure.pseudonym_salt) k
WHERE x.student_key = sha2(concat(k.salt, ':${hivevar:kind}:', '${hivevar:subject_id}'), 256);
