package markdown

import "strings"

// kindTitle is what an admonition ("!!! warning"), a GitHub alert
// ("> [!WARNING]") or a fenced div (":::warning") whose author gave it
// no title shows in bold: on a site in Chinese, a kind Chinese sets name
// in the words they use for it, as Docusaurus and VuePress show them;
// else the kind as written, its first ASCII letter a capital. A kind
// written in Chinese ("::: 注意") is kept whole.
func kindTitle(kind, lang string) string {
	if strings.HasPrefix(lang, "zh") {
		if t, ok := chineseKinds[strings.ToLower(kind)]; ok {
			return t
		}
	}
	if kind != "" && kind[0] >= 'a' && kind[0] <= 'z' {
		return string(kind[0]-'a'+'A') + kind[1:]
	}
	return kind
}

// chineseKinds are the usual kinds of MkDocs's admonitions, Docusaurus's
// and VuePress's containers and GitHub's alerts, in Chinese.
var chineseKinds = map[string]string{
	"note": "注意", "attention": "注意",
	"tip": "提示", "hint": "提示",
	"info": "信息", "information": "信息",
	"important": "重要",
	"warning":   "警告", "warn": "警告",
	"caution":  "小心",
	"danger":   "危险",
	"error":    "错误",
	"abstract": "摘要", "summary": "摘要", "tldr": "摘要",
	"example":  "示例",
	"question": "问题", "faq": "问题",
	"quote": "引用", "cite": "引用",
	"success": "成功", "check": "成功", "done": "成功",
	"failure": "失败", "fail": "失败", "missing": "失败",
	"bug":     "缺陷",
	"todo":    "待办",
	"details": "详情",
	"seealso": "另请参阅",
}
