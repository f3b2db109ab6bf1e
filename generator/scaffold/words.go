package scaffold

import (
	"fmt"
	"strings"

	"ismsgen/generator/model"
)

// vocabulary is what a new document says, in one language.
type vocabulary struct {
	chinese bool

	status, owners, author, reviewer, approver, approved  string
	distribution, parent, controls, retention, supersedes string
	firstDraft, todo, related, form, record, soa          string
	issuer, edition, acquired, external, actions          string

	sections map[string][]string // by type
	table    []string            // the columns of a form or record
}

var zh = &vocabulary{
	chinese:      true,
	status:       "草稿：不发布，除非 --drafts",
	owners:       "占位：请改为归口部门（isms.toml 中的部门 id）",
	author:       "编制",
	reviewer:     "审核",
	approver:     "批准：status = \"approved\" 时必填",
	approved:     "批准日期：status = \"approved\" 时必填",
	distribution: "发放范围：部门 id 或 \"all\"；默认为归口部门",
	parent:       "上级文件编号",
	controls:     "ISO/IEC 27001:2022 附录 A 控制，如 [\"5.1\"]",
	retention:    "记录保存期限",
	supersedes:   "本文件批准后替代的适用性声明",
	firstDraft:   "初稿",
	todo:         "（待编写）",
	related:      "（列出相关文件，用文件编号链接，如 `[](ISMS-P-009)`。）",
	form:         "（说明何时、由谁填写本表，填写后交给谁、保存多久。）",
	record:       "（说明本记录由谁形成、保存在哪里、保存多久。）",
	soa:          "（说明适用性声明的范围和依据；每项控制的适用性、理由和实施情况写在前置元数据的 `[[applicability]]` 中。）",
	issuer:       "发布机构",
	edition:      "现行版本，如标准编号和年号",
	acquired:     "获取日期",
	external:     "（说明本外来文件对本公司的要求、适用范围、由谁确认其现行有效，以及正本存放在哪里。）",
	actions:      "本记录提出的措施：纠正措施、管理评审决议",
	sections: map[string][]string{
		model.TypeManual:    {"范围", "规范性引用文件", "术语和定义", "组织环境", "领导作用", "策划", "支持", "运行", "绩效评价", "改进"},
		model.TypePolicy:    {"目的", "适用范围", "方针声明", "职责", "违规处理"},
		model.TypeProcedure: {"目的", "范围", "职责", "程序", "相关文件", "记录"},
		model.TypeStandard:  {"目的", "适用范围", "要求", "职责", "相关文件"},
		model.TypeGuideline: {"目的", "适用范围", "指南", "相关文件"},
		model.TypePlan:      {"目的", "范围", "目标", "措施与进度", "职责与资源", "评价与报告"},
		model.TypeForm:      {"填写说明", "表单"},
		model.TypeRecord:    {"记录说明", "记录"},
		model.TypeSoA:       {"说明"},
		model.TypeExternal:  {"说明"},
	},
	table: []string{"序号", "项目", "内容", "填写人", "日期"},
}

var en = &vocabulary{
	status:       "not published unless --drafts",
	owners:       "placeholder: the responsible department's id from isms.toml",
	author:       "written by",
	reviewer:     "reviewed by",
	approver:     "approved by: required when status = \"approved\"",
	approved:     "date of approval: required when status = \"approved\"",
	distribution: "department ids or \"all\"; the owners by default",
	parent:       "the higher-tier document this one implements",
	controls:     "ISO/IEC 27001:2022 Annex A controls, e.g. [\"5.1\"]",
	retention:    "how long the records are kept",
	supersedes:   "the Statements of Applicability this one replaces once approved",
	firstDraft:   "First draft",
	todo:         "(to be written)",
	related:      "(List the related documents, linked by id, e.g. `[](ISMS-P-009)`.)",
	form:         "(Say when and by whom the form is filled in, and who keeps it for how long.)",
	record:       "(Say who makes this record, where it is kept and for how long.)",
	soa:          "(Say what the Statement of Applicability covers; each control's applicability, justification and implementation go into `[[applicability]]` entries in the front matter.)",
	issuer:       "who issued it",
	edition:      "the edition in use, e.g. the standard's number and year",
	acquired:     "when it was obtained",
	external:     "(Say what this document of external origin requires of the organisation, where it applies, who confirms it is still current, and where the original is kept.)",
	actions:      "the actions this record raises: corrective actions, decisions of a management review",
	sections: map[string][]string{
		model.TypeManual:    {"Scope", "Normative references", "Terms and definitions", "Context of the organization", "Leadership", "Planning", "Support", "Operation", "Performance evaluation", "Improvement"},
		model.TypePolicy:    {"Purpose", "Scope", "Policy statement", "Responsibilities", "Violations"},
		model.TypeProcedure: {"Purpose", "Scope", "Responsibilities", "Procedure", "Related documents", "Records"},
		model.TypeStandard:  {"Purpose", "Scope", "Requirements", "Responsibilities", "Related documents"},
		model.TypeGuideline: {"Purpose", "Scope", "Guidance", "Related documents"},
		model.TypePlan:      {"Purpose", "Scope", "Objectives", "Actions and schedule", "Responsibilities and resources", "Evaluation and reporting"},
		model.TypeForm:      {"Instructions", "Form"},
		model.TypeRecord:    {"About this record", "Record"},
		model.TypeSoA:       {"About this statement"},
		model.TypeExternal:  {"About this document"},
	},
	table: []string{"No.", "Item", "Details", "Filled in by", "Date"},
}

func words(cfg *model.Config) *vocabulary {
	if cfg.IsChinese() {
		return zh
	}
	return en
}

// body is the skeleton of a document of type typ: its numbered sections,
// each with a placeholder, and a table for forms and records.
func body(typ string, w *vocabulary) string {
	var b strings.Builder
	sections := w.sections[typ]
	last := len(sections) - 1
	for i, title := range sections {
		fmt.Fprintf(&b, "## %d %s\n\n", i+1, title)
		switch {
		case i == 0 && typ == model.TypeForm:
			b.WriteString(w.form + "\n\n")
		case i == 0 && typ == model.TypeRecord:
			b.WriteString(w.record + "\n\n")
		case i == 0 && typ == model.TypeSoA:
			b.WriteString(w.soa + "\n\n")
		case i == 0 && typ == model.TypeExternal:
			b.WriteString(w.external + "\n\n")
		case i == last && (typ == model.TypeForm || typ == model.TypeRecord):
			b.WriteString(table(w.table, 3))
		case title == "相关文件" || title == "Related documents":
			b.WriteString(w.related + "\n\n")
		default:
			b.WriteString(w.todo + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// table is a Markdown table with the columns and empty numbered rows.
func table(columns []string, rows int) string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(columns, " | ") + " |\n")
	b.WriteString(strings.Repeat("| --- ", len(columns)) + "|\n")
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, "| %d |%s\n", r, strings.Repeat("  |", len(columns)-1))
	}
	return b.String() + "\n"
}
