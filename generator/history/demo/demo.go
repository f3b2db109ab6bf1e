// Package demo writes a small ISMS document set with a scripted git
// history that shows every feature of the history stage: earlier
// versions and what changed in each, a renamed file, a change made after
// approval, a review that needs no new version, a correction that is not
// material, a withdrawn document and what replaced it, a document whose
// number changed, a version that was confidential and one that was a
// draft, the approval warnings, and commits on either side of midnight
// and in two time zones for --as-of.
// cmd/historydemo writes it into a folder; the tests build it.
package demo

import (
	"fmt"
	"strings"

	"ismsgen/generator/internal/gitfixture"
)

// Config is the demonstration's isms.toml.
const Config = `title = "ISMS 文件中心（历史演示）"
organisation = "星澜示例科技有限公司"
language = "zh-CN"
classification_levels = ["public", "internal", "confidential", "secret"]
classification = "internal"
default_review_cycle = "12 months"
ack_url = "https://forms.example.com/ack?doc={id}&v={version}"

[approvers]
tier1 = ["总经理"]
tier2 = ["总经理", "管理者代表"]

[[departments]]
id = "isd"
name = "信息安全部"

[[departments]]
id = "it"
name = "信息技术部"
`

// Doc is one document's text.
type Doc struct {
	ID, Title, Version, Status string
	Tier                       int
	Author, Approver, Approved string
	Extra                      string // more front-matter lines
	History                    []Rev
	Body                       string
}

// Rev is one [[history]] entry.
type Rev struct {
	Version, Date, Author, Summary string
	NotMaterial                    bool
}

// Text is the document's file.
func (d Doc) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nid = %q\ntitle = %q\ntier = %d\nversion = %q\nstatus = %q\nowners = [\"isd\"]\ndistribution = [\"all\"]\n", d.ID, d.Title, d.Tier, d.Version, d.Status)
	if d.Author != "" {
		fmt.Fprintf(&b, "author = %q\n", d.Author)
	}
	if d.Approver != "" {
		fmt.Fprintf(&b, "approver = %q\n", d.Approver)
	}
	if d.Approved != "" {
		fmt.Fprintf(&b, "approved = %s\n", d.Approved)
	}
	b.WriteString(d.Extra)
	for _, h := range d.History {
		fmt.Fprintf(&b, "\n[[history]]\nversion = %q\ndate = %s\nauthor = %q\nsummary = %q\n", h.Version, h.Date, h.Author, h.Summary)
		if h.NotMaterial {
			b.WriteString("material = false\n")
		}
	}
	b.WriteString("+++\n\n")
	b.WriteString(d.Body)
	return b.String()
}

// step is one commit of the script.
type step struct {
	when, author, message string
	do                    func(r *gitfixture.Repo) error
}

// Write makes the demonstration repository in dir (a new folder).
func Write(dir string) error {
	r, err := gitfixture.Init(dir)
	if err != nil {
		return err
	}
	for _, s := range script() {
		if err := s.do(r); err != nil {
			return fmt.Errorf("%s: %w", s.message, err)
		}
		if _, err := r.Commit(s.when, s.author, s.message); err != nil {
			return err
		}
	}
	return nil
}

func write(files map[string]string) func(r *gitfixture.Repo) error {
	return func(r *gitfixture.Repo) error {
		for path, text := range files {
			if err := r.Write(path, text); err != nil {
				return err
			}
		}
		return nil
	}
}

// The documents' texts through the script.
var (
	access10 = Doc{ID: "ISMS-P-001", Title: "访问控制程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "张三", Approver: "总经理", Approved: "2025-01-20",
		History: []Rev{{"1.0", "2025-01-20", "张三", "首次发布", false}},
		Body:    "## 1 目的\n\n规定信息系统访问权限的申请、审批和定期复核。\n\n## 2 要求\n\n账号应经部门负责人审批后开通，离职人员的账号应在当日停用。\n"}
	access11 = func() Doc {
		d := access10
		d.Version, d.Approved = "1.1", "2025-06-01"
		d.History = append(d.History, Rev{"1.1", "2025-06-01", "张三", "增加多因素认证要求", false})
		d.Body = strings.Replace(d.Body, "当日停用。\n", "当日停用。远程访问应使用多因素认证。\n", 1)
		return d
	}()
	access12 = func() Doc {
		d := access11
		d.Version, d.Approved = "1.2", "2025-06-15"
		d.History = append(d.History, Rev{"1.2", "2025-06-15", "李四", "更正错别字", true})
		d.Body = strings.Replace(d.Body, "定期复核", "定期复核（每半年一次）", 1)
		return d
	}()
	reviewed = strings.Replace(access12.Text(), "approved = 2025-06-15\n", "approved = 2025-06-15\nlast_reviewed = 2026-03-01\nnext_review = 2027-03-01\n", 1)

	backupOld = Doc{ID: "ISMS-P-009", Title: "数据备份管理规定（旧）", Tier: 2, Version: "1.0", Status: "approved",
		Author: "王五", Approver: "总经理", Approved: "2025-01-20",
		History: []Rev{{"1.0", "2025-01-20", "王五", "首次发布", false}},
		Body:    "## 1 要求\n\n每周备份一次业务数据。\n"}
	backupNew = Doc{ID: "ISMS-P-010", Title: "备份与恢复程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "王五", Approver: "管理者代表", Approved: "2025-10-01", Extra: "supersedes = [\"ISMS-P-009\"]\n",
		History: []Rev{{"1.0", "2025-10-01", "王五", "替代数据备份管理规定", false}},
		Body:    "## 1 要求\n\n每日增量备份，每周全量备份，每季度做一次恢复演练。\n"}

	crypto10 = Doc{ID: "ISMS-S-001", Title: "密钥管理标准", Tier: 2, Version: "1.0", Status: "approved",
		Author: "赵六", Approver: "总经理", Approved: "2025-02-01", Extra: "classification = \"confidential\"\n",
		History: []Rev{{"1.0", "2025-02-01", "赵六", "首次发布（含密钥清单）", false}},
		Body:    "## 1 密钥清单\n\n生产数据库主密钥存放于 HSM-01 第 3 槽位。\n"}
	crypto20 = Doc{ID: "ISMS-S-001", Title: "密钥管理标准", Tier: 2, Version: "2.0", Status: "approved",
		Author: "赵六", Approver: "总经理", Approved: "2025-08-01",
		History: []Rev{{"1.0", "2025-02-01", "赵六", "首次发布（含密钥清单）", false}, {"2.0", "2025-08-01", "赵六", "移除密钥清单，改为内部公开", false}},
		Body:    "## 1 要求\n\n密钥应存放于硬件安全模块，按年轮换。\n"}

	guide09 = Doc{ID: "ISMS-G-001", Title: "口令设置指南", Tier: 2, Version: "0.9", Status: "draft",
		Author:  "陈晓明",
		History: []Rev{{"0.9", "2025-03-01", "陈晓明", "征求意见稿", false}},
		Body:    "## 建议\n\n口令不少于 8 位。\n"}
	guide10 = Doc{ID: "ISMS-G-001", Title: "口令设置指南", Tier: 2, Version: "1.0", Status: "approved",
		Author: "陈晓明", Approver: "管理者代表", Approved: "2025-04-01",
		History: []Rev{{"0.9", "2025-03-01", "陈晓明", "征求意见稿", false}, {"1.0", "2025-04-01", "陈晓明", "正式发布", false}},
		Body:    "## 建议\n\n口令不少于 12 位，并启用多因素认证。\n"}

	incident10 = Doc{ID: "ISMS-P-020", Title: "信息安全事件管理程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "刘洋", Approver: "总经理", Approved: "2025-12-31",
		History: []Rev{{"1.0", "2025-12-31", "刘洋", "首次发布", false}},
		Body:    "## 1 报告\n\n发现事件后应在 24 小时内报告。\n"}
	incident11 = func() Doc {
		d := incident10
		d.Version, d.Approved = "1.1", "2026-01-01"
		d.History = append(d.History, Rev{"1.1", "2026-01-01", "刘洋", "报告时限缩短为 4 小时", false})
		d.Body = strings.Replace(d.Body, "24 小时", "4 小时", 1)
		return d
	}()

	// A document renumbered: its old number's URL stays and links it.
	physical10 = Doc{ID: "ISMS-P-040", Title: "物理与环境安全程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "王五", Approver: "总经理", Approved: "2025-03-10",
		History: []Rev{{"1.0", "2025-03-10", "王五", "首次发布", false}},
		Body:    "## 1 要求\n\n机房出入应登记，访客全程陪同。\n"}
	physical11 = func() Doc {
		d := physical10
		d.ID, d.Version, d.Approver, d.Approved = "ISMS-P-011", "1.1", "管理者代表", "2026-03-02"
		d.History = append(d.History, Rev{"1.1", "2026-03-02", "王五", "文件重新编号（原 ISMS-P-040）", true})
		return d
	}()

	// The approval warnings: a version ahead of its history, an author
	// who approves their own text, an approver not allowed for the tier.
	asset = Doc{ID: "ISMS-P-030", Title: "资产管理程序", Tier: 2, Version: "2.0", Status: "approved",
		Author: "周静", Approver: "总经理", Approved: "2025-05-01",
		History: []Rev{{"1.0", "2025-01-20", "周静", "首次发布", false}},
		Body:    "## 1 资产清单\n\n各部门每年更新资产清单。\n"}
	selfApproved = Doc{ID: "ISMS-P-031", Title: "介质处置程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "吴磊", Approver: "吴磊", Approved: "2025-05-01",
		History: []Rev{{"1.0", "2025-05-01", "吴磊", "首次发布", false}},
		Body:    "## 1 要求\n\n存储介质报废前应消磁或物理销毁。\n"}
	wrongApprover = Doc{ID: "ISMS-P-032", Title: "供应商安全管理程序", Tier: 2, Version: "1.0", Status: "approved",
		Author: "郑芳", Approver: "信息安全经理", Approved: "2025-05-01",
		History: []Rev{{"1.0", "2025-05-01", "郑芳", "首次发布", false}},
		Body:    "## 1 要求\n\n关键供应商每年评估一次。\n"}
)

// script is the demonstration's history, oldest first.
func script() []step {
	return []step{
		{"2025-01-10T09:00:00+08:00", "张三", "访问控制程序送审", write(map[string]string{
			"isms.toml":                 Config,
			"content/tier2/access.md":   strings.Replace(access10.Text(), "status = \"approved\"", "status = \"review\"", 1),
			"content/tier2/backup.md":   backupOld.Text(),
			"content/tier2/asset.md":    asset.Text(),
			"content/tier2/media.md":    selfApproved.Text(),
			"content/tier2/supplier.md": wrongApprover.Text(),
		})},
		{"2025-01-20T10:00:00+08:00", "李四", "访问控制程序 1.0 批准发布", write(map[string]string{"content/tier2/access.md": access10.Text()})},
		{"2025-02-01T10:00:00+08:00", "赵六", "密钥管理标准 1.0（秘密）", write(map[string]string{"content/tier2/crypto.md": crypto10.Text()})},
		{"2025-03-01T10:00:00+08:00", "陈晓明", "口令设置指南征求意见稿", write(map[string]string{"content/tier2/password.md": guide09.Text()})},
		{"2025-04-01T10:00:00+08:00", "陈晓明", "口令设置指南 1.0", write(map[string]string{"content/tier2/password.md": guide10.Text()})},
		{"2025-06-01T10:00:00+08:00", "李四", "访问控制程序 1.1", write(map[string]string{"content/tier2/access.md": access11.Text()})},
		{"2025-06-15T10:00:00+08:00", "李四", "访问控制程序 1.2：更正错别字", write(map[string]string{"content/tier2/access.md": access12.Text()})},
		{"2025-08-01T10:00:00+08:00", "赵六", "密钥管理标准 2.0（内部）", write(map[string]string{"content/tier2/crypto.md": crypto20.Text()})},
		{"2025-09-01T10:00:00+08:00", "李四", "文件按编号命名", func(r *gitfixture.Repo) error {
			return r.Move("content/tier2/access.md", "content/tier2/isms-p-001.md")
		}},
		{"2025-10-01T10:00:00+08:00", "王五", "备份与恢复程序替代数据备份管理规定", func(r *gitfixture.Repo) error {
			if err := r.Remove("content/tier2/backup.md"); err != nil {
				return err
			}
			return r.Write("content/tier2/isms-p-010.md", backupNew.Text())
		}},
		// Either side of midnight in Beijing, then in New York: the
		// commit's own clock decides its day.
		{"2025-12-31T23:59:00+08:00", "刘洋", "信息安全事件管理程序 1.0", write(map[string]string{"content/tier2/incident.md": incident10.Text()})},
		{"2026-01-01T00:00:00+08:00", "刘洋", "信息安全事件管理程序 1.1", write(map[string]string{"content/tier2/incident.md": incident11.Text()})},
		{"2026-01-10T09:00:00+08:00", "孙伟", "访问控制程序：直接修改正文（未升版）", write(map[string]string{
			"content/tier2/isms-p-001.md": strings.Replace(access12.Text(), "远程访问应使用多因素认证。", "远程访问应使用多因素认证，外包人员除外。", 1),
		})},
		{"2026-03-01T20:00:00-05:00", "Alice Chen", "访问控制程序：年度评审", write(map[string]string{
			"content/tier2/isms-p-001.md": strings.Replace(reviewed, "远程访问应使用多因素认证。", "远程访问应使用多因素认证，外包人员除外。", 1),
		})},
		{"2026-03-02T10:00:00+08:00", "王五", "物理与环境安全程序 1.0 纳入文件库", write(map[string]string{"content/tier2/physical.md": physical10.Text()})},
		{"2026-03-02T11:00:00+08:00", "王五", "物理与环境安全程序重新编号为 ISMS-P-011", write(map[string]string{"content/tier2/physical.md": physical11.Text()})},
	}
}
