package validate

import (
	"strings"

	"ismsgen/generator/internal/suggest"
	"ismsgen/generator/model"
)

// The values of type and status are English words; a document controller
// writes the words of the document control procedure ("程序文件",
// "已发布") or of another tool ("released"). Each maps to the value it
// means, for the hint.
var (
	typeWords = map[string]string{
		"手册": "manual", "管理手册": "manual", "信息安全手册": "manual",
		"方针": "policy", "总方针": "policy", "政策": "policy", "策略": "policy", "policies": "policy",
		"程序": "procedure", "程序文件": "procedure", "流程": "procedure", "procedures": "procedure", "sop": "procedure",
		"标准": "standard", "规范": "standard", "standards": "standard",
		"指南": "guideline", "指引": "guideline", "作业指导书": "guideline", "指导书": "guideline", "guide": "guideline", "guidelines": "guideline",
		"计划": "plan", "方案": "plan", "预案": "plan", "plans": "plan",
		"表单": "form", "表格": "form", "模板": "form", "forms": "form", "template": "form",
		"记录": "record", "records": "record",
		"适用性声明": "soa",
		"外来文件":  "external", "外部文件": "external",
	}
	// The levels of isms.toml's default classification_levels, as a
	// Chinese marking names them (a level the site has under that very
	// name is no mistake).
	levelWords = map[string]string{
		"公开": "public", "公开级": "public",
		"内部": "internal", "内部公开": "internal", "内部使用": "internal", "内部级": "internal",
		"秘密": "confidential", "机密": "confidential", "保密": "confidential", "敏感": "confidential",
		"绝密": "secret", "机要": "secret",
	}
	statusWords = map[string]string{
		"草稿": "draft", "草案": "draft", "拟稿": "draft", "起草": "draft", "编制中": "draft",
		"审核中": "review", "待审核": "review", "待批准": "review", "评审中": "review", "审批中": "review",
		"pending": "review", "in review": "review", "under review": "review",
		"已批准": "approved", "批准": "approved", "已发布": "approved", "发布": "approved", "生效": "approved",
		"有效": "approved", "受控": "approved", "现行": "approved",
		"released": "approved", "published": "approved", "active": "approved", "effective": "approved", "final": "approved",
		"作废": "obsolete", "已作废": "obsolete", "废止": "obsolete", "已废止": "obsolete", "失效": "obsolete",
		"retired": "obsolete", "withdrawn": "obsolete", "archived": "obsolete", "superseded": "obsolete",
	}
)

// MeantType is the document type a word for one means: "程序文件" and
// "sop" mean procedure, and a type misspelt ("proceedure") means the one
// it is closest to; "" when none is near.
func MeantType(v string) string {
	if m := meant(typeWords, v); m != "" {
		return m
	}
	return suggest.Closest(strings.ToLower(strings.TrimSpace(v)), model.Types)
}

// MeantStatus is the status a word for one means: "已发布" and
// "released" mean approved, "Approved" and "aproved" too; "" when none
// is near.
func MeantStatus(v string) string {
	if m := meant(statusWords, v); m != "" {
		return m
	}
	return suggest.Closest(strings.ToLower(strings.TrimSpace(v)), model.Statuses)
}

// meant is the value words maps v to, ignoring case and surrounding
// spaces; "" when it maps to none.
func meant(words map[string]string, v string) string {
	return words[strings.ToLower(strings.TrimSpace(v))]
}

// SpelledAlike reports whether a and b are one version written two ways:
// "V1.1" and "1.1", "第2版" and "2", "v1.0 " and "V1.0".
func SpelledAlike(a, b string) bool {
	return a != b && versionCore(a) == versionCore(b) && versionCore(a) != ""
}

// versionCore is a version without the words document control writes
// around its number.
func versionCore(v string) string {
	v = strings.ToLower(strings.TrimSpace(halfWidthDigits.Replace(v)))
	for _, p := range []string{"version", "ver.", "ver", "版本", "第", "v"} {
		v = strings.TrimSpace(strings.TrimPrefix(v, p))
	}
	v = strings.TrimSpace(strings.TrimSuffix(v, "版"))
	// A number is one version however many parts of zero end it: "2",
	// "2.0" and "2.0.0" (as a tool that writes three parts writes it).
	parts := strings.Split(v, ".")
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return v
		}
	}
	for len(parts) > 1 && strings.Trim(parts[len(parts)-1], "0") == "" {
		parts = parts[:len(parts)-1]
	}
	for i, p := range parts {
		if p = strings.TrimLeft(p, "0"); p == "" {
			p = "0"
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

var halfWidthDigits = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9", "．", ".")
