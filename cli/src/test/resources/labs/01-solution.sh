# Lab 1's reference solution: run with bash in the project's folder (LakeCommandIT runs it).
set -euo pipefail
./lake sqoop import --table campuses --target-dir lab01/campuses -m 1
./lake sqoop import --table students --target-dir lab01/students -m 1 \
  --fields-terminated-by '\001' --null-string '\\N' --null-non-string '\\N'
./lake sqoop import --table lessons --target-dir lab01/lessons -m 1 \
  --incremental append --check-column lesson_id --last-value 6500
last=$(./lake sqoop eval --query "SELECT MAX(lesson_id) FROM lessons" 2>/dev/null | sed -n "s/^| \([0-9][0-9]*\) *|.*/\1/p")
./lake sqoop import --table lessons --target-dir lab01/lessons -m 1 \
  --incremental append --check-column lesson_id --last-value "$last"
./lake sqoop job --create lab01_lessons -- import --table lessons --target-dir lab01/lessons_job -m 1 \
  --incremental append --check-column lesson_id --last-value 6500
./lake sqoop job --exec lab01_lessons
./lake sqoop job --exec lab01_lessons
./lake sqoop import --table grades --target-dir lab01/grades -m 1 \
  --incremental lastmodified --check-column updated_at --last-value '2026-06-01 00:00:00' --merge-key grade_id
