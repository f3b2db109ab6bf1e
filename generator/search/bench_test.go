package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

var (
	synthHan = []string{"信息", "安全", "管理", "评审", "访问", "控制", "风险", "评估", "处置", "资产",
		"备份", "恢复", "事件", "响应", "供应商", "人员", "培训", "物理", "环境", "网络", "密码",
		"日志", "监控", "变更", "业务", "连续性", "合规", "审核", "纠正", "措施", "记录", "程序",
		"制度", "职责", "部门", "文件", "策略", "系统", "数据", "分类", "标记", "介质", "移动", "设备",
		"远程", "办公", "开发", "测试", "漏洞", "补丁", "账号", "权限", "密钥", "云服务", "隐私", "保护"}
	synthLatin = []string{"access", "control", "backup", "restore", "incident", "response", "supplier",
		"risk", "assessment", "treatment", "asset", "policy", "procedure", "review", "audit", "log",
		"network", "encryption", "key", "cloud", "privacy", "ISO", "IEC", "27001", "Annex", "A.5.15",
		"VPN", "MFA", "SIEM", "firewall", "server", "database", "owner", "approval"}
	synthPunct = []string{"，", "。", "；", "、", "：", " "}
)

// syntheticEntries makes n deterministic documents of about size bytes of
// mixed Chinese and English text each.
func syntheticEntries(n, size int) []Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	prefixes := []string{"P", "PR", "F", "R", "POL", "S", "G"}
	es := make([]Entry, n)
	var b strings.Builder
	for i := range es {
		id := fmt.Sprintf("ISMS-%s-%04d", prefixes[i%len(prefixes)], i)
		title := synthHan[rng.IntN(len(synthHan))] + synthHan[rng.IntN(len(synthHan))] + "程序"
		b.Reset()
		var heads []Heading
		for b.Len() < size {
			if rng.IntN(40) == 0 {
				h := fmt.Sprintf("%d %s%s", len(heads)+1, synthHan[rng.IntN(len(synthHan))], synthHan[rng.IntN(len(synthHan))])
				heads = append(heads, Heading{Text: h, Anchor: fmt.Sprintf("s%d", len(heads)+1)})
				b.WriteString(h + "\n")
			}
			switch k := rng.IntN(10); {
			case k < 6:
				b.WriteString(synthHan[rng.IntN(len(synthHan))])
			case k < 9:
				b.WriteString(" " + synthLatin[rng.IntN(len(synthLatin))] + " ")
			default:
				fmt.Fprintf(&b, " ISMS-%s-%04d ", prefixes[rng.IntN(len(prefixes))], rng.IntN(n))
			}
			if rng.IntN(5) == 0 {
				b.WriteString(synthPunct[rng.IntN(len(synthPunct))])
			}
		}
		es[i] = Entry{ID: id, Title: title, URL: "docs/" + id + "/", Tier: 1 + i%3, Type: "procedure",
			Status: "approved", Version: "1.0", Obsolete: i%50 == 0, Headings: heads, Text: b.String()}
	}
	return es
}

func BenchmarkBuild10k(b *testing.B) {
	es := syntheticEntries(10000, 3000)
	b.ResetTimer()
	var files []File
	for b.Loop() {
		files = Build(es)
	}
	b.StopTimer()
	reportSizes(b, files)
}

// reportSizes reports the bytes of the index files by kind.
func reportSizes(b *testing.B, files []File) {
	var meta, post, text, maxChunk int
	for _, f := range files {
		switch {
		case strings.HasPrefix(f.Path, "search/d/"):
			text += len(f.Data)
		case f.Path == "search/index.js":
			meta += len(f.Data)
		default:
			post += len(f.Data)
			maxChunk = max(maxChunk, len(f.Data))
		}
	}
	b.ReportMetric(float64(meta), "index.js-bytes")
	b.ReportMetric(float64(post), "chunk-bytes")
	b.ReportMetric(float64(maxChunk), "max-chunk-bytes")
	b.ReportMetric(float64(text), "doc-bytes")
}
