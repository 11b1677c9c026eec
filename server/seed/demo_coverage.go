package seed

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// DemoCoverage is the fictional media coverage (媒体报道) of the demo data set.
// It is generated deterministically from the hand-written templates below, so
// every run yields the same items, slugs and dates. Outlets, authors and
// reports are invented sample content.
var DemoCoverage = buildDemoCoverage()

// coverageAuthors are fictional reporters and producers.
var coverageAuthors = []string{
	"林小禾", "周一帆", "陈思远", "赵欣然", "刘文涛", "孙佳怡", "何子墨", "吴清扬",
	"郑雨桐", "黄俊杰", "马晓川", "罗佩言",
}

// coverageTemplate is one hand-written report. Placeholders in braces are
// filled from coverageBrand: {name} {nameEn} {place} {placeEn} {trade}
// {tradeEn} {skill} {origin} {dest} for the first brand, {name2} {name2En}
// {skill2} {trade2} for the second and {name3} {name3En} {trade3} for the
// third.
type coverageTemplate struct {
	Medium    string
	Outlet    string
	Brands    int  // how many brands the report is about (1–3)
	Rural     bool // speaks of villages and returning home; not for urban brands
	Craft     bool // speaks of handicraft or caring service; not for factory trades
	TitleZh   string
	TitleEn   string
	SummaryZh string
	SummaryEn string
	Body      []string // 2–4 paragraphs
}

var coverageTemplates = []coverageTemplate{
	// ONLINE
	{
		Medium: "ONLINE", Outlet: "示例新闻网", Brands: 1,
		TitleZh:   "{name}：从“走出去”到“站得稳”",
		TitleEn:   "{nameEn}: from leaving home to holding their ground",
		SummaryZh: "{place}围绕{trade}打造劳务品牌，{name}在外地市场逐渐站稳脚跟。",
		SummaryEn: "{placeEn} has built a labor brand around {tradeEn}, and {nameEn} are now well established in markets far from home.",
		Body: []string{
			"{origin}。近年来，当地把{trade}作为促进就业的重要抓手，依托培训基地开设{skill}等课程，培养了一批持证上岗的技能人才，“{name}”这块牌子也由此叫响。",
			"“过去出门打工靠老乡介绍，现在有了品牌，用人单位会主动找上门。”一位从业多年的学员说。据介绍，当地人社部门与企业合作推行订单式培训，学员结业后可以就近就业，也可以由企业组织外出，在{dest}等地都有稳定的合作单位。",
			"下一步，当地计划继续完善服务标准和信用评价，让品牌从“叫得响”走向“立得住”。",
		},
	},
	{
		Medium: "ONLINE", Outlet: "荆楚示例网", Brands: 1, Rural: true,
		TitleZh:   "从零基础到持证上岗：{place}技能课堂见闻",
		TitleEn:   "From beginner to certified: inside a skills class in {placeEn}",
		SummaryZh: "记者走进{place}的技能培训课堂，记录学员从零基础到持证上岗的过程。",
		SummaryEn: "A reporter sits in on a skills class in {placeEn} and follows learners from their first lesson to their certificates.",
		Body: []string{
			"早上七点多，{place}的一间实训教室里已经坐满了人。讲台上，老师正在示范{skill}中的关键步骤，学员们一边看一边记，不时上前动手练习。",
			"这批学员大多来自周边乡镇，年龄从二十出头到五十多岁不等。他们结业后将以“{name}”的身份走上工作岗位。培训负责人介绍，课程坚持理论与实操结合，每名学员都要通过考核才能拿到证书。",
			"一位学员告诉记者，自己原来在家务农、照顾孩子，现在学了一门手艺，打算先在本地干一段时间，积累经验后再去大城市闯一闯。",
		},
	},
	{
		Medium: "ONLINE", Outlet: "示例新闻网", Brands: 2,
		TitleZh:   "{name}与{name2}携手走进省外招聘会",
		TitleEn:   "{nameEn} and {name2En} attend a job fair outside Hubei together",
		SummaryZh: "两个湖北劳务品牌联合参加跨省招聘活动，现场达成一批用工意向。",
		SummaryEn: "Two Hubei labor brands attend an inter-provincial job fair side by side and leave with a batch of hiring agreements.",
		Body: []string{
			"日前，一场跨省劳务协作招聘会在示例会展中心举行，来自湖北的{name}和{name2}两个劳务品牌联合设展，吸引了不少用人单位驻足咨询。",
			"{name}展位上，工作人员现场演示{skill}，并介绍了培训和持证上岗情况；{name2}则带来了{skill2}方面的技能展示。多家企业当场表达了合作意向，部分岗位还进行了现场面试。",
			"主办方表示，劳务品牌抱团参展，既能降低企业的招聘成本，也能让劳动者找到更对口的岗位。今后还将定期组织类似活动，推动劳务协作常态化。",
		},
	},
	{
		Medium: "ONLINE", Outlet: "荆楚示例网", Brands: 1,
		TitleZh:   "一张证书背后的就业路",
		TitleEn:   "The road to a job behind one certificate",
		SummaryZh: "{place}推行“培训—认证—就业”一体化服务，越来越多劳动者凭技能找到稳定工作。",
		SummaryEn: "{placeEn} links training, certification and job placement, and more and more workers find steady jobs through their skills.",
		Body: []string{
			"在{place}，一张职业技能等级证书正在改变许多人的就业方式。当地围绕{trade}建立了培训、认证、推荐就业一条龙服务，学员从报名到上岗，一般只需要一个多月。",
			"“{name}”是当地着力打造的劳务品牌。负责人介绍，品牌实行统一培训、统一标准、统一服务，学员持证后由合作企业择优录用，工资待遇比普通岗位高出一截。",
			"业内人士认为，技能认证让劳务输出从“体力型”向“技能型”转变，也让用人单位对品牌多了一份信任。",
		},
	},
	{
		Medium: "ONLINE", Outlet: "示例新闻网", Brands: 1, Craft: true,
		TitleZh:   "短视频走红，网友点赞{name}专业又贴心",
		TitleEn:   "A viral video wins praise for {nameEn}",
		SummaryZh: "一段记录{name}工作日常的短视频在网上走红，引发网友热议。",
		SummaryEn: "A short video about the daily work of {nameEn} goes viral and gets people talking.",
		Body: []string{
			"近日，一段记录{name}日常工作的短视频在网络平台上获得大量点赞。视频中，从业人员熟练地完成{skill}等工作，动作干净利落，评论区里不少网友留言“想请这样的师傅”。",
			"视频的拍摄者是当地一名返乡青年，他说自己想让更多人看到家乡劳动者的手艺。当地人社部门也借势开设了品牌账号，定期发布技能小课堂和招聘信息。",
			"有专家指出，新媒体为劳务品牌打开了新的传播窗口，但品牌的生命力最终还是取决于服务质量和口碑。",
		},
	},

	// NEWSPAPER
	{
		Medium: "NEWSPAPER", Outlet: "荆楚示例日报", Brands: 1,
		TitleZh:   "{name}：技能撑起致富路",
		TitleEn:   "{nameEn}: skills pave the road to a better living",
		SummaryZh: "{place}持续擦亮{name}品牌，带动当地群众稳定就业增收。",
		SummaryEn: "{placeEn} keeps polishing the {nameEn} brand, bringing steady jobs and higher incomes to local people.",
		Body: []string{
			"{origin}。为了让更多群众凭技能增收，{place}把打造“{name}”劳务品牌作为一项民生工程来抓，整合培训资源，出台扶持措施。",
			"在当地一家培训机构，记者看到学员正在练习{skill}。培训老师说，课程内容根据用人单位的反馈不断调整，“企业需要什么，我们就教什么”。",
			"如今，{name}已在{dest}等地形成一定规模的从业群体，不少人从普通务工者成长为技术骨干和管理人员，还有人回到家乡创办了自己的企业。",
			"当地人社部门负责人表示，下一步将加强品牌标准建设和诚信管理，推动品牌向更高层次发展。",
		},
	},
	{
		Medium: "NEWSPAPER", Outlet: "示例晚报", Brands: 1, Rural: true,
		TitleZh:   "返乡创业的“领头雁”",
		TitleEn:   "A lead goose comes home to start a business",
		SummaryZh: "一位在外打拼多年的技能人才回到{place}创办企业，带着乡亲们一起就业。",
		SummaryEn: "After years working away, a skilled worker returns to {placeEn}, starts a company and brings neighbours into work.",
		Body: []string{
			"在外打拼十多年后，一位从{place}走出去的技能人才选择回到家乡。他在当地返乡创业园租下厂房，创办了一家以{trade}为主业的小微企业。",
			"作为“{name}”品牌较早的一批从业者，他深知技能培训的重要性。企业成立后，他把自己在{skill}方面积累的经验编成通俗易懂的教材，手把手带教新员工。",
			"目前，企业已吸纳数十名周边群众就业，其中不少是留守妇女和脱贫劳动力。他说：“家乡给了我手艺，我想把这份手艺传下去。”",
		},
	},
	{
		Medium: "NEWSPAPER", Outlet: "荆楚示例日报", Brands: 2,
		TitleZh:   "{name}、{name2}亮相全省劳务品牌推介会",
		TitleEn:   "{nameEn} and {name2En} on show at a provincial labor brand fair",
		SummaryZh: "全省劳务品牌推介会上，多个县市品牌集中展示技能与服务，现场签订一批合作协议。",
		SummaryEn: "At a province-wide labor brand fair, brands from many counties show their skills and services and sign a batch of cooperation agreements.",
		Body: []string{
			"近日，全省劳务品牌推介会在武汉举行，来自各地的劳务品牌集中亮相。其中，{name}和{name2}的展区人气颇高。",
			"{name}展区内，技能人员现场展示{skill}；{name2}展区则通过图片和实物介绍了{skill2}等技能。不少观众一边看一边拍照，还有企业代表当场咨询合作事宜。",
			"推介会期间还举行了用工对接洽谈，多家省内外企业与劳务品牌所在地签订了合作协议。组织方表示，将持续搭建平台，帮助劳务品牌拓展市场。",
		},
	},
	{
		Medium: "NEWSPAPER", Outlet: "示例晚报", Brands: 1, Craft: true,
		TitleZh:   "小手艺做成大产业",
		TitleEn:   "A small craft grows into a big industry",
		SummaryZh: "{place}依托{trade}延伸产业链，带动上下游更多岗位。",
		SummaryEn: "{placeEn} extends the {tradeEn} value chain and creates more jobs up and down the line.",
		Body: []string{
			"走进{place}，与{trade}相关的企业和门店随处可见。从原料到成品，再到销售和服务，一条较为完整的产业链正在形成，吸引了不少外出务工人员回乡就业。",
			"当地负责人介绍，“{name}”品牌能够打响，离不开产业的支撑。产业越大，需要的技能人才就越多；人才越多，产业也就越有活力。",
			"为了解决技能人才短缺的问题，当地联合职业院校开设了{skill}等课程，并与骨干企业共建实训基地，让学生在学校里就能接触真实岗位。",
		},
	},
	{
		Medium: "NEWSPAPER", Outlet: "荆楚示例日报", Brands: 1,
		TitleZh:   "{name}的诚信经",
		TitleEn:   "How {nameEn} keep their word",
		SummaryZh: "{name}为从业人员建立信用档案，用口碑赢得市场。",
		SummaryEn: "{nameEn} keep a credit record for every worker and win the market through their reputation.",
		Body: []string{
			"“品牌靠的是口碑，口碑靠的是诚信。”在{place}，这句话被写进了{name}的从业守则。",
			"据介绍，当地为每名从业人员建立了信用档案，记录培训、持证和服务评价等情况。用人单位可以通过服务平台查询，服务评价较差的人员需要重新培训后才能上岗。",
			"一位合作企业负责人说，有了信用档案，招人更放心了。当地还计划把信用评价与评优评先、创业扶持挂钩，引导从业人员珍惜品牌声誉。",
		},
	},

	// MAGAZINE
	{
		Medium: "MAGAZINE", Outlet: "示例财经周刊", Brands: 1,
		TitleZh:   "解码{name}：一个地方劳务品牌的成长逻辑",
		TitleEn:   "Decoding {nameEn}: how a local labor brand grows",
		SummaryZh: "本刊梳理{name}的发展历程，分析地方劳务品牌的培育路径与面临的挑战。",
		SummaryEn: "We trace the history of {nameEn} and look at how local labor brands are built and what holds them back.",
		Body: []string{
			"在众多劳务品牌中，{name}的成长路径颇具代表性。{origin}，这为品牌的诞生提供了现实土壤。",
			"从发展历程看，{name}大致经历了三个阶段：早期以自发外出为主，依靠亲缘、地缘关系抱团就业；中期由政府牵头，统一开展培训和组织输出；近年来则更加注重标准建设、品牌传播和产业延伸。",
			"业内人士分析，劳务品牌要走得长远，关键在于把“人”的优势转化为“技能”的优势，再把技能优势转化为品牌优势。{name}在{skill}方面形成了相对成熟的培训体系，这是其竞争力所在。",
			"当然，品牌发展也面临挑战：年轻人从业意愿不足、服务标准不够统一、市场竞争日趋激烈等问题，仍有待破解。",
		},
	},
	{
		Medium: "MAGAZINE", Outlet: "示例人才杂志", Brands: 1,
		TitleZh:   "当“打工”变成“职业”",
		TitleEn:   "When a job becomes a profession",
		SummaryZh: "从零散务工到职业化发展，劳务品牌正在改变一代劳动者的职业认同。",
		SummaryEn: "From odd jobs to careers: labor brands are changing how a generation of workers see their work.",
		Body: []string{
			"过去，人们说起外出务工，常常想到的是流动、辛苦和不稳定。如今，在劳务品牌的带动下，越来越多劳动者开始把自己的工作当成一份有前途的职业。",
			"以{name}为例，从业人员需要经过系统培训并取得相应证书，掌握{skill}等技能。他们有统一的服务规范，也有清晰的晋升通道，技术骨干可以成长为培训师或管理者。",
			"一位从业者说，以前别人问起自己做什么工作，总是含糊带过；现在会大大方方地介绍自己是“{name}”。这种变化，正是职业认同感提升的写照。",
		},
	},
	{
		Medium: "MAGAZINE", Outlet: "示例财经周刊", Brands: 3,
		TitleZh:   "{name}、{name2}、{name3}：湖北劳务品牌群像",
		TitleEn:   "{nameEn}, {name2En} and {name3En}: a group portrait of Hubei labor brands",
		SummaryZh: "本刊选取三个各具特色的劳务品牌，观察湖北劳务品牌建设的多样路径。",
		SummaryEn: "Three very different labor brands show the many routes Hubei takes to build them.",
		Body: []string{
			"湖北是劳动力资源大省。近年来，各地立足资源禀赋和产业基础，培育出一批各具特色的劳务品牌。",
			"{name}以{skill}见长，主打技能服务；{name2}依托当地特色产业，从业人员主要从事{trade2}相关工作；{name3}则在{trade3}领域积累了良好口碑。",
			"三个品牌路径不同，却有共同之处：都重视技能培训，都注重标准建设，都在探索从劳务输出向产业发展延伸。",
			"专家认为，劳务品牌建设没有统一的模板，关键是找准定位、久久为功，让品牌真正成为劳动者增收的“金字招牌”。",
		},
	},
	{
		Medium: "MAGAZINE", Outlet: "示例人才杂志", Brands: 1,
		TitleZh:   "一座培训基地的日与夜",
		TitleEn:   "Days and nights at a training base",
		SummaryZh: "记者在{place}一处培训基地蹲点数日，观察技能人才是如何炼成的。",
		SummaryEn: "A reporter spends several days at a training base in {placeEn} to see how skilled workers are made.",
		Body: []string{
			"{place}的这处培训基地并不起眼，几栋楼房，一块空地，却是许多劳动者职业生涯的起点。",
			"基地的课程围绕{trade}展开，{skill}是必修内容。授课老师大多是一线骨干，讲课不照本宣科，而是把工作中遇到的真实问题拿出来讨论。晚上，教室里的灯常常亮到很晚，不少学员自愿留下来加练。",
			"每期培训结束，基地都会组织考核和招聘对接。不少学员带着证书和工作合同离开，成为“{name}”队伍中的新成员。",
		},
	},
	{
		Medium: "MAGAZINE", Outlet: "示例财经周刊", Brands: 1,
		TitleZh:   "{name}的数字化转型",
		TitleEn:   "{nameEn} go digital",
		SummaryZh: "线上接单、电子档案、直播推介，{name}借助数字化拓展发展空间。",
		SummaryEn: "Online orders, digital records and live-streaming: {nameEn} use digital tools to grow.",
		Body: []string{
			"手机上点一点，就能查到附近的{name}从业人员，查看技能证书和服务评价——这是{place}近年来推进劳务品牌数字化的一个缩影。",
			"当地搭建了品牌服务平台，整合培训报名、岗位发布、订单匹配和信用评价等功能。从业人员可以在线学习{skill}相关课程，用人单位也能更方便地找到合适人选。",
			"一些从业者还尝试通过直播展示技能、推介家乡产品。业内人士认为，数字化不仅提高了对接效率，也让品牌形象更加鲜活。",
		},
	},

	// RADIO
	{
		Medium: "RADIO", Outlet: "示例广播电台", Brands: 1,
		TitleZh:   "《劳务品牌面对面》：走近{name}",
		TitleEn:   "Labor Brands Face to Face: meeting {nameEn}",
		SummaryZh: "广播访谈节目邀请{name}的培训老师和从业者走进直播间，讲述品牌背后的故事。",
		SummaryEn: "A radio talk show invites a trainer and two workers of {nameEn} to tell the stories behind the brand.",
		Body: []string{
			"本期《劳务品牌面对面》节目，我们邀请到{name}的一位培训老师和两名从业者走进直播间。",
			"培训老师介绍了品牌的培训体系，重点讲解了{skill}等课程的设置思路。她说，好的培训不只是教技术，还要教规矩、教服务意识，让学员出门就能代表品牌形象。",
			"两位从业者分享了各自的经历：一位入行刚两年，已经成为团队骨干；另一位在外地工作多年后回乡，带起了一支自己的队伍。节目中，不少听众打进热线，咨询培训报名和就业政策。",
		},
	},
	{
		Medium: "RADIO", Outlet: "示例广播电台", Brands: 1,
		TitleZh:   "听众热线：想学一门手艺，去哪里报名？",
		SummaryZh: "节目就听众关心的技能培训报名、补贴政策等问题进行解答。",
		Body: []string{
			"本期节目接到多位听众来电，询问如何参加技能培训。一位来自{place}的听众说，自己想学{trade}，但不知道该去哪里报名。",
			"节目邀请的人社部门工作人员解答说，当地围绕“{name}”品牌常年开设免费培训班，符合条件的人员还可以申领培训补贴，报名可以到乡镇或街道的公共就业服务窗口办理。",
			"工作人员提醒，参加培训要选择正规机构，结业后要及时参加技能评价，取得证书后再上岗，这样既能提高收入，也能更好地保障自身权益。",
		},
	},
	{
		Medium: "RADIO", Outlet: "示例广播电台", Brands: 2,
		TitleZh:   "早间新闻：{name}与{name2}开展技能交流",
		TitleEn:   "Morning news: {nameEn} and {name2En} hold a skills exchange",
		SummaryZh: "两个劳务品牌举行技能交流活动，互派骨干学习经验。",
		SummaryEn: "Two labor brands hold a skills exchange and agree to send their best workers to learn from each other.",
		Body: []string{
			"本台消息：近日，{name}和{name2}两个劳务品牌在{place}举行技能交流活动，双方各派出十多名技术骨干参加。",
			"活动中，双方围绕{skill}和{skill2}等内容开展现场展示和经验分享，并就培训课程共享、骨干互派学习等事项达成共识。",
			"据了解，类似的跨品牌交流今后将常态化开展，以促进全省劳务品牌在培训、服务和管理等方面共同提高。参加活动的骨干表示，换个角度看自己的行当，收获不小。",
		},
	},
	{
		Medium: "RADIO", Outlet: "示例之声", Brands: 1, Rural: true,
		TitleZh:   "乡音里的奋斗故事",
		TitleEn:   "Stories of hard work, told in a home-town accent",
		SummaryZh: "广播专题用从业者的亲口讲述，记录他们离乡、学艺、成长的经历。",
		SummaryEn: "A radio feature lets workers tell in their own words how they left home, learned a trade and grew.",
		Body: []string{
			"“刚出去的时候，什么都不会，连地铁都不会坐。”节目一开始，一位来自{place}的从业者用带着乡音的普通话讲起了自己的经历。",
			"后来，经老乡介绍，这位从业者参加了“{name}”的培训，系统学习了{skill}。从第一份工作开始，认真负责的态度就让服务对象很满意，收入也一年比一年高。",
			"节目还采访了多位同乡，他们的故事各不相同，却有一个共同点：靠技能吃饭，日子越过越踏实。",
		},
	},
	{
		Medium: "RADIO", Outlet: "示例之声", Brands: 1,
		TitleZh:   "{name}技能培训班开始报名",
		TitleEn:   "{nameEn} open registration for a new training class",
		SummaryZh: "新一期{name}技能培训班开始报名，符合条件的学员可享受培训补贴。",
		SummaryEn: "A new {nameEn} training class is open for registration; eligible learners receive a training subsidy.",
		Body: []string{
			"本台消息：新一期{name}技能培训班近日开始报名。培训内容包括{skill}等，采取理论教学与实操训练相结合的方式，培训期满、考核合格的学员可取得相应证书。",
			"据了解，符合条件的城乡劳动者参加培训可享受培训补贴，外地学员培训期间还可以申请集中住宿。结业学员将由合作企业优先录用，也可以自主选择就业岗位。",
			"主办方提醒，本期名额有限，有意参加的听众可以就近到当地公共就业服务机构咨询报名，也可以通过品牌服务平台在线预约。",
		},
	},

	// TV
	{
		Medium: "TV", Outlet: "示例电视台", Brands: 1,
		TitleZh:   "《技能湖北》：{name}的一天",
		TitleEn:   "Skilled Hubei: a day with {nameEn}",
		SummaryZh: "电视专题跟拍一名{name}从业者，记录其一天的工作日常。",
		SummaryEn: "A TV feature follows one of the {nameEn} through a working day.",
		Body: []string{
			"清晨六点半，镜头跟随一名{name}从业者开始了一天的工作。出门前，这位从业者照例检查了一遍工具和当天的工作安排，“准备充分，干活才不慌”。",
			"从上午到傍晚，这位从业者先后完成了多项任务，涉及{skill}等方面。每一项工作都有细致的操作规范，做完还要认真填写工作记录，遇到拿不准的问题就打电话向培训老师请教。",
			"“这份工作要耐心，也要手艺。”面对镜头，这位从业者说，自己最大的心愿是把技术练得更好，争取早日当上培训老师，带更多老乡出来。",
		},
	},
	{
		Medium: "TV", Outlet: "示例电视台", Brands: 1, Rural: true,
		TitleZh:   "镜头里的家乡新变化",
		TitleEn:   "New changes at home, seen through the lens",
		SummaryZh: "电视新闻记录{place}依托劳务品牌带动就业和返乡创业的新变化。",
		SummaryEn: "TV news looks at how {placeEn} uses its labor brand to create jobs and draw people home to start businesses.",
		Body: []string{
			"这几年，{place}的变化看得见：村里的年轻人多了，新建的小厂房多了，培训教室里的学员也多了。",
			"变化的背后，是当地以“{name}”劳务品牌为牵引，推动外出务工与返乡创业相结合的探索。一批在外学到{skill}本领的劳动者陆续回到家乡开店办厂，又带动了更多乡亲就业。",
			"当地负责人在接受采访时表示，将继续完善返乡创业服务，让“输出一人、致富一家”升级为“带回一批、兴旺一方”。",
		},
	},
	{
		Medium: "TV", Outlet: "示例电视台", Brands: 2,
		TitleZh:   "技能大赛：{name}与{name2}同台竞技",
		TitleEn:   "Skills contest: {nameEn} and {name2En} compete on one stage",
		SummaryZh: "劳务品牌技能大赛现场，来自不同品牌的选手比拼技艺。",
		SummaryEn: "At a labor brand skills contest, competitors from different brands test their skills against each other.",
		Body: []string{
			"日前，一场劳务品牌技能大赛在示例体育中心举行，{name}和{name2}等品牌的选手同台竞技。",
			"比赛分为理论考试和实操比拼两个环节。{name}的选手在{skill}项目中表现出色，{name2}的选手则在{skill2}项目中展示了扎实的基本功。",
			"评委表示，选手们的整体水平比往年明显提高，不少年轻选手的表现令人眼前一亮。据悉，获奖选手将按规定获得相应的职业技能等级晋升和奖励。",
		},
	},
	{
		Medium: "TV", Outlet: "示例电视台", Brands: 1,
		TitleZh:   "夜访{place}：灯火里的就业新图景",
		TitleEn:   "{placeEn} by night: a new picture of work under the lights",
		SummaryZh: "夜间走访发现，劳务品牌不仅带动外出就业，也激活了本地服务消费。",
		SummaryEn: "A night-time visit shows that labor brands not only send workers out but also liven up local services.",
		Body: []string{
			"夜幕降临，{place}的街头依旧热闹。记者在走访中发现，与{trade}相关的门店和服务点不少还亮着灯。",
			"在一家门店里，几名年轻人正在忙碌。店主告诉记者，店里的员工大多参加过“{name}”品牌的培训，掌握{skill}等技能，顾客回头率很高。",
			"当地干部说，劳务品牌不仅带动了外出就业，也激活了本地服务消费，为群众在家门口就业创造了更多机会。接下来，当地还将完善夜间公共服务，让劳动者下班后也能方便地参加培训。",
		},
	},
	{
		Medium: "TV", Outlet: "示例电视台", Brands: 1,
		TitleZh:   "{name}走进演播室",
		TitleEn:   "{nameEn} in the studio",
		SummaryZh: "电视节目联合网络直播，{name}从业者现场展示技能、答疑解惑。",
		SummaryEn: "A TV programme, streamed online, invites {nameEn} to show their skills and answer questions.",
		Body: []string{
			"本期节目采用“电视＋直播”的形式，把{name}的从业者请进演播室，一边展示技能，一边回答观众提问。",
			"现场，从业者演示了{skill}中的几个关键环节，并讲解了需要注意的细节。直播间里的观众不断留言，有人问怎么报名培训，有人问工资待遇，还有人问能不能带着孩子一起学。",
			"节目最后，当地人社部门工作人员介绍了最新的培训和就业扶持政策，并提醒观众通过正规渠道报名。",
		},
	},

	// FILM
	{
		Medium: "FILM", Outlet: "示例纪录片工作室", Brands: 1,
		TitleZh:   "纪录片《{name}》",
		TitleEn:   "Documentary: {nameEn}",
		SummaryZh: "纪录片用一年时间跟拍几位{name}从业者，呈现劳务品牌背后的个人经历与时代变迁。",
		SummaryEn: "A documentary follows several {nameEn} for a year, showing the lives and changing times behind a labor brand.",
		Body: []string{
			"纪录片《{name}》由示例纪录片工作室摄制，摄制组用了一年时间，跟拍几位来自{place}的从业者，记录他们在{dest}等地工作和生活的点滴。",
			"影片没有宏大叙事，而是从普通人的日常入手：清晨的培训课、异乡的出租屋、春节回家的长途车……{skill}这些技能，在镜头中化为一双双粗糙而灵巧的手。",
			"导演在映后交流中说，他们希望观众看到的不是一个个“劳务数字”，而是一个个有名有姓、有梦想的人。",
		},
	},
	{
		Medium: "FILM", Outlet: "示例影视文化公司", Brands: 1, Rural: true,
		TitleZh:   "微电影《归途》开机",
		TitleEn:   "Filming starts on the short film The Way Home",
		SummaryZh: "一部以返乡创业为题材的微电影开机，讲述年轻人学艺、回乡、带动乡亲的故事。",
		SummaryEn: "Shooting begins on a short film about a young man who learns a trade, comes home and brings his neighbours into work.",
		Body: []string{
			"微电影《归途》近日在{place}开机。影片讲述了一个在外打工的年轻人回到家乡创业的故事，预计年内完成拍摄。",
			"片中主人公早年外出务工，后来参加了“{name}”的技能培训，掌握了{skill}等本领。几年后，他回到家乡，带着乡亲们一起干，在磕磕绊绊中把小作坊做成了有模有样的企业。",
			"影片全部在当地取景，多名群众演员本身就是从业者。片方表示，希望用这部作品鼓励更多年轻人学技能、回乡创业。",
		},
	},
	{
		Medium: "FILM", Outlet: "示例纪录片工作室", Brands: 3,
		TitleZh:   "专题片《荆楚匠心》聚焦{name}等劳务品牌",
		TitleEn:   "Feature film Jingchu Craftsmanship focuses on {nameEn} and other labor brands",
		SummaryZh: "专题片分集介绍湖北多个劳务品牌，展现技能人才的风采。",
		SummaryEn: "A multi-part feature film introduces several Hubei labor brands and the skilled people behind them.",
		Body: []string{
			"专题片《荆楚匠心》共分多集，每集聚焦一到两个湖北劳务品牌，讲述普通劳动者凭借技能改变命运的故事。",
			"其中一集讲述了{name}的故事，展示了从业者在{skill}方面的精湛技艺；另一集则把镜头对准{name2}和{name3}，记录他们在{trade2}和{trade3}领域的坚守与创新。",
			"摄制组走遍了全省多个县市，积累了大量拍摄素材。该片将在各地劳务品牌文化体验馆和展会现场循环播放，并在网络平台同步上线。",
		},
	},
	{
		Medium: "FILM", Outlet: "示例纪录片工作室", Brands: 1,
		TitleZh:   "纪录短片《手艺》上线",
		TitleEn:   "Short documentary Craft released online",
		SummaryZh: "短片聚焦一位从业多年的老师傅，讲述技艺传承的故事。",
		SummaryEn: "A short documentary about a veteran master and how skills are handed down.",
		Body: []string{
			"纪录短片《手艺》只有二十多分钟，主角是一位从业二十多年的老师傅。影片没有解说词，全靠画面和人物的自述推进。",
			"老师傅来自{place}，是当地较早从事{trade}的一批人。如今，“{name}”已经成为响当当的劳务品牌，而他依然每天泡在工作间里，手把手教徒弟{skill}。",
			"“手艺这东西，不练就会生。”片尾，老师傅一边示范一边念叨。导演说，片子想记录的，正是这种朴素的坚持。",
		},
	},
	{
		Medium: "FILM", Outlet: "示例影视文化公司", Brands: 1,
		TitleZh:   "宣传片《你好，{name}》发布",
		TitleEn:   "Promotional film Hello, {nameEn} released",
		SummaryZh: "{place}发布劳务品牌宣传片，以年轻化的表达展示{name}新形象。",
		SummaryEn: "{placeEn} releases a promotional film that gives {nameEn} a fresh, youthful image.",
		Body: []string{
			"近日，宣传片《你好，{name}》正式发布。影片时长约五分钟，以快节奏剪辑和明快的色调呈现了品牌的新形象，出镜的都是一线从业者。",
			"片中既有{skill}等技能的特写镜头，也有从业者在{dest}等地工作的场景，还穿插了{place}的风光和人文。",
			"当地相关负责人表示，宣传片将在各类展会、交通枢纽和网络平台投放，进一步提高{name}的知名度和影响力。",
		},
	},
}

// coverageSampleNote ends every generated body so that readers can tell the
// report is demo content.
const coverageSampleNote = "（本文为示例内容，文中人物与情节均为虚构。）"

// Published dates are spread evenly over this range, with a little jitter.
const (
	coverageFirstDay = "2021-01-06"
	coverageLastDay  = "2026-10-26"
)

// buildDemoCoverage expands the templates: brands take turns as the main
// subject (each as often as its Weight), templates rotate with a stride that
// visits all of them, and reports about two or three brands add partners from
// the brands with the most coverage.
func buildDemoCoverage() []CoverageSeed {
	// Spread each brand's reports evenly over the timeline: its k-th report
	// sits at (k + phase) / Weight, with a phase that differs per brand.
	type slot struct {
		pos   float64
		brand int
	}
	var slots []slot
	for j, b := range coverageBrands {
		phase := float64((j*61)%100)/100*0.9 + 0.05
		for k := 0; k < b.Weight; k++ {
			slots = append(slots, slot{(float64(k) + phase) / float64(b.Weight), j})
		}
	}
	sort.SliceStable(slots, func(a, b int) bool {
		if slots[a].pos != slots[b].pos {
			return slots[a].pos < slots[b].pos
		}
		return slots[a].brand < slots[b].brand
	})
	order := make([]coverageBrand, len(slots)) // main brand of each report
	for i, s := range slots {
		order[i] = coverageBrands[s.brand]
	}
	people := coveragePeople()

	var partners []coverageBrand
	for _, b := range coverageBrands {
		if b.Weight >= 8 {
			partners = append(partners, b)
		}
	}

	first, _ := time.Parse(time.DateOnly, coverageFirstDay)
	last, _ := time.Parse(time.DateOnly, coverageLastDay)
	spanDays := int(last.Sub(first).Hours() / 24)

	out := make([]CoverageSeed, 0, len(order))
	seen := map[string]int{}
	turn := 0 // counts reports about several brands, to rotate the partners
	for i, main := range order {
		t := (i * 7) % len(coverageTemplates)
		for !coverageFits(main, coverageTemplates[t]) {
			t = (t + 1) % len(coverageTemplates)
		}
		tpl := coverageTemplates[t]

		subjects := []coverageBrand{main}
		if tpl.Brands > 1 {
			turn++
		}
		for k := 0; len(subjects) < tpl.Brands && k < 2*len(partners); k++ {
			p := partners[(turn+k)%len(partners)]
			dup := false
			for _, s := range subjects {
				dup = dup || s.Slug == p.Slug
			}
			if !dup {
				subjects = append(subjects, p)
			}
		}

		day := 0
		if len(order) > 1 {
			day = i * spanDays / (len(order) - 1)
		}
		day += (i*37)%9 - 4
		day = max(0, min(spanDays, day))
		on := first.AddDate(0, 0, day)

		key := on.Format("2006-01") + "-" + main.Slug
		seen[key]++
		slug := fmt.Sprintf("%s-%d", key, seen[key])

		r := coverageReplacer(subjects)
		body := make([]string, len(tpl.Body))
		for j, p := range tpl.Body {
			body[j] = r.Replace(p)
		}
		var personSlugs []string
		if ps := people[main.Slug]; len(ps) > 0 && tpl.Brands == 1 && i%3 == 0 {
			p := ps[(i/3)%len(ps)]
			personSlugs = []string{p.Slug}
			body[len(body)-1] += strings.NewReplacer("{name}", main.Name, "{person}", p.NameZh).
				Replace(coveragePersonNote[tpl.Medium])
		}
		body[len(body)-1] += coverageSampleNote

		slugs := make([]string, len(subjects))
		for j, s := range subjects {
			slugs[j] = s.Slug
		}
		out = append(out, CoverageSeed{
			Slug:        slug,
			TitleZh:     r.Replace(tpl.TitleZh),
			TitleEn:     r.Replace(tpl.TitleEn),
			Outlet:      tpl.Outlet,
			Medium:      tpl.Medium,
			PublishedOn: on.Format(time.DateOnly),
			Author:      coverageAuthors[(i*5+i/len(coverageAuthors))%len(coverageAuthors)],
			URL:         "https://example.com/news/" + slug,
			SummaryZh:   r.Replace(tpl.SummaryZh),
			SummaryEn:   r.Replace(tpl.SummaryEn),
			BodyZh:      strings.Join(body, "\n\n"),
			BrandSlugs:  slugs,

			RoleModelSlugs: personSlugs,
		})
	}
	return out
}

// coveragePersonNote introduces one of the brand's demo people at the end of
// some single-brand reports, worded for the medium.
var coveragePersonNote = map[string]string{
	"ONLINE":    "记者还就品牌发展采访了{name}代表人物{person}。",
	"NEWSPAPER": "本报记者还就品牌发展采访了{name}代表人物{person}。",
	"MAGAZINE":  "本刊还专访了{name}代表人物{person}，相关访谈另文刊发。",
	"RADIO":     "节目还连线了{name}代表人物{person}，请其谈谈对品牌发展的期待。",
	"TV":        "节目中还穿插了对{name}代表人物{person}的专访片段。",
	"FILM":      "片中还收录了对{name}代表人物{person}的访谈。",
}

// coveragePeople maps a brand slug to its published demo people, in the
// order of DemoRoleModels.
func coveragePeople() map[string][]RoleModelSeed {
	m := map[string][]RoleModelSeed{}
	for _, p := range DemoRoleModels {
		if p.Draft {
			continue
		}
		for _, b := range p.BrandSlugs {
			m[b] = append(m[b], p)
		}
	}
	return m
}

// coverageFits reports whether a template suits a brand as its main subject.
func coverageFits(b coverageBrand, t coverageTemplate) bool {
	return !(b.Urban && t.Rural) && !(b.Factory && t.Craft)
}

// coverageReplacer fills a template's placeholders for its subjects; the
// second and third brand fall back to the first when a template has fewer.
func coverageReplacer(s []coverageBrand) *strings.Replacer {
	at := func(i int) coverageBrand {
		if i < len(s) {
			return s[i]
		}
		return s[0]
	}
	a, b, c := at(0), at(1), at(2)
	return strings.NewReplacer(
		"{name}", a.Name, "{nameEn}", a.NameEn,
		"{place}", a.Place, "{placeEn}", a.PlaceEn,
		"{trade}", a.Trade, "{tradeEn}", a.TradeEn,
		"{skill}", a.Skill, "{origin}", a.Origin, "{dest}", a.Dest,
		"{name2}", b.Name, "{name2En}", b.NameEn, "{skill2}", b.Skill, "{trade2}", b.Trade,
		"{name3}", c.Name, "{name3En}", c.NameEn, "{trade3}", c.Trade,
	)
}
