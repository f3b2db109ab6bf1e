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

// unlabelledSamples are what authors put in fences without a language:
// log excerpts, configuration lines, command output, folder trees.
var unlabelledSamples = []string{
	`2025-03-01 02:00:13 INFO  backup erp-database started
2025-03-01 02:41:57 INFO  backup erp-database finished, 12.4 GiB, sha256 ok
2025-03-01 02:42:03 WARN  shared-drive: {n} files skipped (locked)
`,
	`PermitRootLogin no
PasswordAuthentication no
MaxAuthTries {n}
AllowGroups ops-admins
`,
	`isms/
├── 一级文件/
│   └── 信息安全管理手册.docx
├── 二级文件/
│   ├── 访问控制程序.docx
│   └── 备份与恢复程序.docx
└── 三级文件/
    └── 记录表单/
`,
	`$ openssl x509 -in vpn.crt -noout -dates
notBefore=Mar  1 00:00:00 2025 GMT
notAfter=Mar  1 00:00:00 2027 GMT
`,
}

// textSamples are fenced as text: diagrams and forms to fill in.
var textSamples = []string{
	`申请人 ──> 部门负责人审批 ──> IT 开通权限 ──> 信息安全部复核（{n} 个工作日内）
                 │
                 └── 驳回 ──> 通知申请人
`,
	`变更编号：CHG-2025-{n}
变更内容：
影响评估：
回退方案：
批准人：              日期：
`,
}

// labelledSamples are the code of the real shape in languages a
// highlighter knows.
var labelledSamples = map[string]string{
	"json": `{
  "policy": "password",
  "min_length": 12,
  "max_age_days": {n},
  "history": 5,
  "lockout": {"attempts": 5, "minutes": 30}
}
`,
	"sql": `SELECT u.login, MAX(l.at) AS last_login
FROM users u LEFT JOIN logins l ON l.user_id = u.id
WHERE u.privileged
GROUP BY u.login
HAVING MAX(l.at) < now() - interval '{n} days';
`,
	"ini": `[password]
min_length = 12
max_age_days = {n}

[session]
idle_timeout_minutes = 15
`,
	"powershell": `Get-ADUser -Filter {Enabled -eq $true} -Properties LastLogonDate |
  Where-Object { $_.LastLogonDate -lt (Get-Date).AddDays(-{n}) } |
  Select-Object SamAccountName, LastLogonDate
`,
}

var labelledLangs = []string{"yaml", "bash", "go", "json", "sql", "ini", "powershell"}

// realCode is one fenced code block: 40 % without a language (some with
// ~~~ fences), 20 % text, the rest in a language.
func realCode(r *rng) string {
	n := strconv.Itoa(r.between(7, 90))
	fill := func(s string) string { return strings.ReplaceAll(s, "{n}", n) }
	switch x := r.intn(100); {
	case x < 35:
		return "```\n" + fill(pick(r, unlabelledSamples)) + "```"
	case x < 40:
		return "~~~\n" + fill(pick(r, unlabelledSamples)) + "~~~"
	case x < 60:
		return "```text\n" + fill(pick(r, textSamples)) + "```"
	}
	lang := pick(r, labelledLangs)
	code, ok := labelledSamples[lang]
	if !ok {
		code = codeSamples[lang]
	}
	return "```" + lang + "\n" + fill(code) + "```"
}
