package corpus

import (
	"strconv"
	"strings"
)

// codeSamples are the code blocks of the plain corpus, by language; {n}
// stands for a number drawn per document.
var codeSamples = map[string]string{
	"yaml": `backup:
  schedule: "30 1 * * *"
  keep_days: {n}
  jobs:
    - name: erp-database
      kind: postgres
      encrypted: true
    - name: shared-drive
      kind: restic
      encrypted: true
notify:
  mail: isms-team@example.com
`,
	"bash": `#!/usr/bin/env bash
set -euo pipefail
# 特权账户季度复核 / quarterly review of privileged accounts
getent group wheel | cut -d: -f4 | tr ',' '\n' | while read -r user; do
  lastlog -u "$user" | tail -n 1
done > "/var/log/isms/priv-$(date +%Y%m%d).txt"
find /etc/ssh -newermt "-{n} days" -type f -print
`,
	"go": `package findings

import "time"

// Nonconformity is one finding of an internal audit.
type Nonconformity struct {
	Ref     string
	Control string // Annex A control, e.g. "5.15"
	Due     time.Time
	Closed  bool
}

// Late counts the open findings more than {n} days past their due date.
func Late(list []Nonconformity, today time.Time) int {
	late := 0
	for _, f := range list {
		if !f.Closed && f.Due.Before(today.AddDate(0, 0, -{n})) {
			late++
		}
	}
	return late
}
`,
}

func codeSample(lang string, n int) string {
	return strings.ReplaceAll(codeSamples[lang], "{n}", strconv.Itoa(n))
}
