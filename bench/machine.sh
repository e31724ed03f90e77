#!/usr/bin/env bash
# Prints the machine a benchmark ran on.
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/{print $2" GiB"}'), cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
if [ -n "${PGHOST:-}" ]; then echo "db: $(psql -Atc 'select version()' | cut -d, -f1)"; else echo "db: H2 (embedded)"; fi
