# SMTP sink 2525 (web API and UI on 8025): GreenMail standalone from Maven Central. It accepts
# any sender and recipient without authentication and keeps mail in memory. Sourced by servers.sh.

SMTP_PORT=2525
SMTP_API_PORT=8025

# C1 alone: a sink for a few mails a second needs no C2, whose compiling after `./mall up` took the
# sink 8 s of CPU in its first four minutes, beside the services' own start and first load
# (bench/results/2026-12-07-shop-after-up, afternoon-4); alone for two minutes it used 3.3 s of CPU
# with C2 and 1.9 s without.
smtp_up() {
  if port_open "$SMTP_PORT"; then say "  smtp: already listening on 127.0.0.1:$SMTP_PORT"; return 0; fi
  fetch_jars smtp || return 1
  start_java smtp "$SMTP_PORT" "$LIB_DIR/smtp/*" -Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -Dgreenmail.auth.disabled -Dgreenmail.hostname=127.0.0.1 \
    com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
}

smtp_down() { stop_recorded smtp; }
smtp_pid() { recorded_pid smtp; }
