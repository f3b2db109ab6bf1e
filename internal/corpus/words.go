package corpus

// The vocabulary of the generated documents: departments, people, ISO/IEC
// 27001:2022 references and the phrases bodies are made of. Sentence
// lengths and mixes are what the benchmark figures were first measured
// with; change them and the figures are no longer comparable.

type department struct{ id, name string }

var departments = []department{
	{"it", "信息技术部"}, {"hr", "人力资源部"}, {"finance", "财务部"},
	{"legal", "法务合规部"}, {"ops", "运营部"}, {"rd", "研发中心"},
	{"sales", "销售部"}, {"admin", "行政部"}, {"security", "信息安全部"},
	{"audit", "内审部"}, {"procurement", "采购部"}, {"cs", "客户服务部"},
}

var departmentIDs = func() []string {
	ids := make([]string, len(departments))
	for i, d := range departments {
		ids[i] = d.id
	}
	return ids
}()

var (
	people = []string{"张三", "李四", "王五", "赵六", "陈晓明", "刘洋", "周静", "吴磊",
		"郑芳", "孙伟", "Alice Chen", "Bob Wang", "Carol Li", "David Zhou"}
	approvers = []string{"总经理", "管理者代表", "信息安全委员会", "CISO", "CTO"}
)

// annexA lists the ISO/IEC 27001:2022 Annex A controls in order:
// 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34.
var annexA = func() []control {
	var cs []control
	for _, theme := range []struct{ n, count int }{{5, 37}, {6, 8}, {7, 14}, {8, 34}} {
		for i := 1; i <= theme.count; i++ {
			cs = append(cs, control{theme.n, i})
		}
	}
	return cs
}()

type control struct{ theme, n int }

var clauses = []string{"4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "6.2",
	"6.3", "7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2", "8.3",
	"9.1", "9.2", "9.3", "10.1", "10.2"}

// topic is a subject in Chinese and English.
type topic struct{ zh, en string }

var topics = []topic{
	{"信息安全", "Information Security"}, {"访问控制", "Access Control"},
	{"管理评审", "Management Review"}, {"风险评估", "Risk Assessment"},
	{"风险处置", "Risk Treatment"}, {"资产管理", "Asset Management"},
	{"密码控制", "Cryptographic Controls"}, {"物理安全", "Physical Security"},
	{"备份与恢复", "Backup and Recovery"}, {"变更管理", "Change Management"},
	{"事件管理", "Incident Management"}, {"业务连续性", "Business Continuity"},
	{"供应商管理", "Supplier Management"}, {"漏洞管理", "Vulnerability Management"},
	{"日志与监控", "Logging and Monitoring"}, {"安全开发", "Secure Development"},
	{"人员安全", "Human Resource Security"}, {"内部审核", "Internal Audit"},
	{"合规性管理", "Compliance Management"}, {"数据分类", "Data Classification"},
	{"移动设备", "Mobile Devices"}, {"远程办公", "Remote Working"},
	{"云服务安全", "Cloud Service Security"}, {"网络安全", "Network Security"},
	{"恶意软件防范", "Malware Protection"}, {"介质处置", "Media Disposal"},
	{"口令管理", "Password Management"}, {"隐私保护", "Privacy Protection"},
	{"安全意识培训", "Security Awareness Training"}, {"文件控制", "Document Control"},
}

// kind is a document type: its id code and the words its titles end in.
type kind struct {
	name, code string
	zh, en     string
}

var (
	manual    = kind{"manual", "M", "手册", "Manual"}
	policy    = kind{"policy", "POL", "方针", "Policy"}
	procedure = kind{"procedure", "P", "程序", "Procedure"}
	standard  = kind{"standard", "S", "标准", "Standard"}
	guideline = kind{"guideline", "G", "指南", "Guideline"}
	plan      = kind{"plan", "PL", "计划", "Plan"}
	form      = kind{"form", "F", "表", "Form"}
	record    = kind{"record", "R", "记录", "Record"}
	soa       = kind{"soa", "SOA", "适用性声明", "Statement of Applicability"}
)

// tier2Kinds gives tier 2's mix: half procedures.
var tier2Kinds = []kind{procedure, procedure, procedure, procedure, procedure, procedure,
	policy, policy, standard, standard, guideline, plan}

var (
	zhPhrases = []string{
		"信息安全", "管理评审", "风险评估", "访问控制", "最高管理者", "信息安全管理体系",
		"适用性声明", "控制措施", "资产责任人", "业务连续性", "安全事件", "纠正措施",
		"持续改进", "内部审核", "相关方", "法律法规要求", "保密性", "完整性", "可用性",
		"风险处置计划", "残余风险", "剩余风险接受准则", "职责分离", "最小权限原则",
		"特权账户", "日志审计", "供应商", "外包服务", "密钥管理", "备份介质", "变更申请",
		"应急预案", "演练记录", "培训记录", "文件和记录", "受控文件", "发布与分发",
	}
	zhVerbs = []string{"应当建立并保持", "负责定期评审", "须按要求记录", "应识别并评估", "应确保",
		"应及时通报", "负责批准", "每年至少开展一次", "应形成文件化信息说明",
		"须纳入", "应定期检查", "必须经过审批后方可实施"}
	zhEndings = []string{"，并保留相关证据。", "，确保其持续有效。", "，以满足组织的信息安全目标。",
		"，评审结果应提交管理层。", "。", "，相关记录保存三年。",
		"，发现的不符合项应在规定期限内关闭。", "，并与相关方进行沟通。"}

	enSubjects = []string{"The asset owner", "The information security officer", "Each department head",
		"Top management", "The system administrator", "All employees",
		"The internal auditor", "The change advisory board", "Suppliers",
		"The incident response team"}
	enVerbs = []string{"shall review", "is responsible for maintaining", "must document",
		"shall approve", "should monitor", "shall report", "must protect",
		"shall assess", "is accountable for"}
	enObjects = []string{"the access rights of privileged accounts", "the risk register",
		"all information security events", "the backup schedule and restore tests",
		"the statement of applicability", "changes to production systems",
		"supplier security requirements", "the results of the management review",
		"cryptographic keys throughout their lifecycle", "the asset inventory",
		"security awareness training records", "vulnerability scan results"}
	enEndings = []string{" at least annually.", " before go-live.", " in accordance with this procedure.",
		" and retain evidence for three years.", " within five working days.",
		".", " as defined in the ISMS scope.", " and escalate exceptions to the CISO."}
)

// sections are the headings of a body, in order, repeated when a body is
// long.
var sections = []topic{{"目的", "Purpose"}, {"范围", "Scope"}, {"职责", "Responsibilities"},
	{"术语和定义", "Terms and definitions"}, {"工作程序", "Procedure"},
	{"控制要求", "Control requirements"}, {"监视与测量", "Monitoring and measurement"},
	{"记录", "Records"}}

var (
	roles        = []string{"CISO", "IT 经理", "资产责任人", "HR", "内审员"}
	duties       = []string{"评审", "批准", "记录", "监控"}
	frequencies  = []string{"每月", "每季度", "每年", "按需"}
	settingNames = []string{"max_login_attempts", "retention_days", "mfa_required"}
	summaries    = []func(r *rng) string{
		func(*rng) string { return "首次发布" },
		func(r *rng) string { return "增加" + pick(r, zhPhrases) + "要求" },
		func(*rng) string { return "根据内审发现修订" },
		func(*rng) string { return "Updated for ISO/IEC 27001:2022" },
		func(*rng) string { return "调整职责分工" },
		func(*rng) string { return "Editorial changes" },
		func(r *rng) string { return "补充" + pick(r, zhPhrases) + "相关记录" },
	}
)

func zhSentence(r *rng) string {
	return pick(r, zhPhrases) + pick(r, zhVerbs) + pick(r, zhPhrases) + pick(r, zhEndings)
}

func enSentence(r *rng) string {
	return pick(r, enSubjects) + " " + pick(r, enVerbs) + " " + pick(r, enObjects) + pick(r, enEndings)
}
