# Lab 3's reference solution, but for its MRUnit test (03-solution/RetakeRuleTest.java): run with bash in the
# project's folder on the lake's first date (LakeCommandIT runs it).
set -euo pipefail
sed -i 's/values: \[exam, project, quiz, oral[^]]*\]/values: [exam, project, quiz, oral, retake]/' .lake/home/lab03/erp-tables.yaml
./lake import --date 2026-08-31 --table grades --catalog .lake/home/lab03/erp-tables.yaml
