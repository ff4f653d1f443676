# Lab 6's reference solution: the day-report action in the copy of the ingest workflow, after mark-ready, then a
# rerun of the lake's newest date with the copy. Run with bash in the project's folder (LakeCommandIT runs it).
set -euo pipefail
wf=.lake/home/lab06/apps/ingest/workflow.xml
cat > .lake/home/lab06/day-report.xml <<'XML'

  <!-- Lab 6: the day's valid rows, from the validate action's output, in the run history. -->
  <action name="day-report">
    <shell xmlns="uri:oozie:shell-action:1.0">
      <exec>echo</exec>
      <argument>rows.reported=${wf:actionData('validate')['rows.valid']}</argument>
      <capture-output/>
    </shell>
    <ok to="end"/>
    <error to="explain-failure"/>
  </action>
XML
# mark-ready goes on to day-report, which follows it in the file.
sed -i '/<action name="mark-ready">/,/<\/action>/{
  s/<ok to="end"\/>/<ok to="day-report"\/>/
  /<\/action>/r .lake/home/lab06/day-report.xml
}' "$wf"
./lake validate .lake/home/lab06/apps
newest=$(ls -d .lake/lake/raw/erp/grades/ingest_date=*/_SUCCESS | sed 's|.*ingest_date=\([0-9-]*\)/_SUCCESS|\1|' | sort | tail -n 1)
./lake run --date "$newest" --apps .lake/home/lab06/apps
