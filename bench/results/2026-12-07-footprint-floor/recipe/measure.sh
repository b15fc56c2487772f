#!/bin/bash
# measure.sh label jar path [extra JVM options]: the time from exec to the first 200 on path, and RSS and
# classes loaded right after it; the JVM options are those ./mall starts a service with (C1 only)
label=$1 jar=$2 path=$3; shift 3
start=$(date +%s%N)
setsid java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=8099 "$@" -jar $jar </dev/null >"$label.out" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8099$path)" = 200 ]; do sleep 0.02; done
end=$(date +%s%N)
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
cls=$(jcmd $pid PerfCounter.print 2>/dev/null | awk -F= '/java.cls.loadedClasses=/{l=$2} /java.cls.sharedLoadedClasses=/{s=$2} END{print l+s}')
sleep 5; rss5=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done
printf '%s\t%.2f s\t%s MiB\t%s MiB after 5 s\t%s classes\n' $label $(echo "($end-$start)/1000000000" | bc -l) $rss $rss5 $cls
