#!/usr/bin/env bash
# spark-submit of the local runner (written by `lake run`): the same command line as on the cluster, but the
# application's main class runs in one JVM with the Spark jars of this build, on the master it is given
# (local[*] in the local job.properties). Generated file: edit the template in oozie-workflows instead.
set -euo pipefail
java=@JAVA@
jvm=( @JVM_OPTS@ )
cp=@CLASSPATH@
props=()
class=""
jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --master) props+=("-Dspark.master=$2"); shift 2 ;;
    --deploy-mode)
      [ "$2" = client ] || { echo "spark-submit (local runner): only --deploy-mode client runs here" >&2; exit 1; }
      shift 2 ;;
    --name) props+=("-Dspark.app.name=$2"); shift 2 ;;
    --class) class="$2"; shift 2 ;;
    --conf) props+=("-D$2"); shift 2 ;;
    --files) shift 2 ;; # already in the working directory: the action's <file>s are localised there
    --jars) cp="$cp:${2//,/:}"; shift 2 ;;
    --driver-memory) props+=("-Xmx$2"); shift 2 ;;
    --*) echo "spark-submit (local runner): option $1 is not supported here" >&2; exit 1 ;;
    *) jar="$1"; shift; break ;;
  esac
done
if [ -z "$class" ] || [ -z "$jar" ]; then
  echo "usage: spark-submit --class MAIN [--master M] [--conf K=V ...] APP.jar [ARGS...]" >&2
  exit 1
fi
exec "$java" "${jvm[@]}" "${props[@]}" -cp "$jar:$cp" "$class" "$@"
