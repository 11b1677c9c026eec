package seed

// DemoBrands is the sample set of labor brands (劳务品牌). The brands follow the
// provincial naming convention (region + trade + person word) and are spread
// over all four categories and recognition levels. Figures, stories and
// ratings are illustrative sample content, not official data.
var DemoBrands = []BrandSeed{
	{
		Slug: "hongan-dasao", NameZh: "红安大嫂", NameEn: "Hong'an Housekeepers",
		RegionCode: "421122", IndustryZh: "家政服务", IndustryEn: "Housekeeping",
		Category: "QUALITY_SERVICE", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 36000, WorkersExported: 21000, FoundedYear: 2009, TrademarkCount: 6, PatentCount: 0, CreditRating: "AAA",
		SummaryZh: "红安大嫂是大别山革命老区培育的家政服务劳务品牌，以诚实守信、吃苦耐劳著称，从业人员经过系统培训后持证上岗，服务遍及武汉及沿海城市家庭。",
		SummaryEn: "Trained, certified housekeepers from the Dabie Mountains, known for honesty and hard work in homes from Wuhan to the coast.",
		StoryZh: "红安地处大别山南麓，农村留守妇女较多。当地依托县级职业技能培训机构，开设母婴护理、养老照护、家庭保洁、家常菜烹饪等课程，实行“理论+实操+跟岗”三段式培训，学员考核合格后取得相应职业技能等级证书。\n\n" +
			"品牌坚持“先培训、后上岗、再跟踪”的输出模式，由家政企业统一签订服务合同、统一购买保险、统一处理投诉，并建立从业人员信用档案，让雇主放心、让大嫂安心。\n\n" +
			"经过多年发展，红安大嫂已从武汉走向长三角、珠三角等地市场，不少学员返乡后创办家政服务站，带动更多姐妹就近就业，成为县域的一张就业名片。这些返乡创业的大嫂又成了新学员的师傅。",
		StoryEn:  "Women from the Dabie Mountains train in childcare, elder care and cooking before being placed with families in Wuhan and coastal cities. Many later return home to open their own service stations.",
		Featured: true, FeaturedRank: 1,
	},
	{
		Slug: "wuhan-guanggu-it-gong", NameZh: "武汉光谷IT工", NameEn: "Optics Valley IT Technicians",
		RegionCode: "420111", IndustryZh: "新一代信息技术", IndustryEn: "Information technology",
		Category: "HIGH_END_SKILLED", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 120000, WorkersExported: 15000, FoundedYear: 2012, TrademarkCount: 4, PatentCount: 18, CreditRating: "AAA",
		SummaryZh: "武汉光谷IT工聚焦光电子信息、软件开发、集成电路测试等岗位，依托高校与企业共建实训基地，培养懂技术、会动手的数字产业技能人才。",
		SummaryEn: "Hands-on technicians for optoelectronics, software and chip testing, trained in Wuhan's Optics Valley with universities and employers.",
		StoryZh: "光谷聚集了大量光通信、激光、软件和集成电路企业，一线工程技术岗位需求旺盛。品牌以企业岗位标准为蓝本，联合职业院校开设光纤熔接、嵌入式开发、软件测试、数据标注等实训课程。\n\n" +
			"学员采取“订单班”“学徒制”方式培养，在企业真实项目中完成实操训练，结业后直接进入合作企业，部分优秀学员通过技能等级认定晋升为技术骨干。企业还为学员配备技术导师，定期组织项目复盘和技能比武。\n\n" +
			"如今，武汉光谷IT工不仅服务本地产业，还随企业项目走向省外及海外市场，成为湖北数字经济领域有代表性的技能型劳务品牌。越来越多的农村青年通过学习数字技能走进了光谷的写字楼和生产线。",
		StoryEn:  "Fibre splicing, embedded development and software testing are taught on real company projects, and graduates move straight into partner firms.",
		Featured: true, FeaturedRank: 2,
	},
	{
		Slug: "enshi-xicha-shi", NameZh: "恩施硒茶师", NameEn: "Enshi Selenium Tea Masters",
		RegionCode: "422801", IndustryZh: "茶叶加工与茶旅服务", IndustryEn: "Tea making and tea tourism",
		Category: "CULTURE_TOURISM", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 45000, WorkersExported: 6000, FoundedYear: 2011, TrademarkCount: 8, PatentCount: 5, CreditRating: "AAA",
		SummaryZh: "恩施硒茶师传承恩施玉露等传统蒸青制茶技艺，涵盖茶园管理、手工制茶、茶艺表演和茶旅服务，是富硒茶产业与乡村旅游融合发展的文化型劳务品牌。",
		SummaryEn: "Tea makers who keep Enshi's steamed green-tea craft alive and host visitors in the tea gardens.",
		StoryZh: "恩施山高雾多，茶叶种植历史悠久，蒸青制茶工艺被列入非物质文化遗产名录。品牌依托茶叶专业合作社和非遗工坊，系统开展茶园管理、杀青揉捻、手工整形等技能培训。茶季里，茶园和工坊里随处可见年轻学徒的身影。\n\n" +
			"培训采取师傅带徒弟的方式，学员在制茶季跟班操作，在淡季学习茶艺、审评和电商直播，逐步成长为能制茶、懂营销、会讲茶文化的复合型人才。优秀学员还可参加制茶技能竞赛，获得相应的技能等级。\n\n" +
			"恩施硒茶师既在本地茶企、茶旅景区就业，也受邀赴省外茶区指导加工，还在各类茶博会上现场展示技艺，让富硒茶走进更多城市。不少年轻人因此选择留在家乡，守着茶园把日子过得红红火火。",
		StoryEn:  "Tea makers keep the steamed green-tea craft of the Enshi mountains alive, working in local tea gardens, tea-tourism sites and at tea fairs across China.",
		Featured: true, FeaturedRank: 3,
	},
	{
		Slug: "qianjiang-longxia-shi", NameZh: "潜江龙虾师", NameEn: "Qianjiang Crayfish Chefs",
		RegionCode: "429005", IndustryZh: "餐饮服务", IndustryEn: "Catering",
		Category: "QUALITY_SERVICE", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 98000, WorkersExported: 52000, FoundedYear: 2016, TrademarkCount: 10, PatentCount: 3, CreditRating: "AAA",
		SummaryZh: "潜江龙虾师以小龙虾烹饪为核心技能，涵盖油焖大虾等特色菜品制作、门店运营与冷链加工，从业人员遍布全国各地餐饮门店。",
		SummaryEn: "Chefs trained in Qianjiang's famous braised crayfish, running kitchens and restaurants all over China.",
		StoryZh: "潜江是小龙虾养殖和加工的重要产区，油焖大虾等菜品深受食客欢迎。当地依托职业院校开设的烹饪专业，开设小龙虾烹饪、餐饮管理、食品安全等课程，常年面向城乡劳动者开展免费培训。每年培训的学员中既有返乡青年，也有转岗职工。\n\n" +
			"培训结业的学员可参加专项职业能力考核，取得证书后由合作餐饮企业推荐上岗，也可获得创业担保贷款支持，自主开办特色餐饮门店。品牌还统一门店标识和服务规范，定期组织厨艺比赛和技术交流。\n\n" +
			"随着小龙虾产业链不断延伸，潜江龙虾师从后厨走向前台，从国内走向海外，成为“一只虾”带动一座城就业创业的生动样本。从养殖、加工到餐饮、物流，一只虾串起了众多就业岗位。",
		StoryEn:  "Chefs trained in Qianjiang's crayfish dishes run kitchens and restaurants across China, backed by certification and start-up loans.",
		Featured: true, FeaturedRank: 4,
	},
	{
		Slug: "shiyan-qiche-gong", NameZh: "十堰汽车工", NameEn: "Shiyan Auto Workers",
		RegionCode: "420300", IndustryZh: "汽车制造", IndustryEn: "Automotive manufacturing",
		Category: "HIGH_END_SKILLED", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 160000, WorkersExported: 24000, FoundedYear: 1998, TrademarkCount: 3, PatentCount: 16, CreditRating: "AAA",
		SummaryZh: "十堰汽车工扎根商用车整车和零部件制造，涵盖装配、焊接、涂装、检测与维修等工种，是“车城”几代产业工人技能传承形成的制造业劳务品牌。",
		SummaryEn: "Generations of assembly, welding and maintenance skills from Hubei's 'truck city'.",
		StoryZh: "十堰因汽车产业而兴，形成了从零部件到整车的完整产业链。品牌依托本地技工院校和企业培训中心，开设汽车装调、智能焊接、数控加工、新能源汽车维修等课程。课程内容随着产品和工艺升级不断更新。\n\n" +
			"企业推行新型学徒制，老师傅与新员工结对培养，开展岗位练兵和技能比武，优秀技工可按规定晋升技师、高级技师，形成了完整的技能成长通道。不少老技工把几十年积累的操作诀窍整理成教案，毫无保留地传给年轻人。\n\n" +
			"十堰汽车工既是本地整车企业的骨干力量，也随产业合作输出到省内外汽车产业基地，在新能源和智能网联汽车领域不断拓展就业空间。一代代汽车工人的技能接力，撑起了这座城市的产业脊梁。",
		StoryEn:  "Assembly, welding, painting and EV-maintenance skills passed down in the truck city supply vehicle plants at home and across the country.",
		Featured: true, FeaturedRank: 5,
	},
	{
		Slug: "zigui-qicheng-shi", NameZh: "秭归脐橙师", NameEn: "Zigui Navel Orange Growers",
		RegionCode: "420527", IndustryZh: "脐橙种植与电商物流", IndustryEn: "Orange growing and e-commerce",
		Category: "LIVELIHOOD", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 42000, WorkersExported: 3000, FoundedYear: 2015, TrademarkCount: 5, PatentCount: 4, CreditRating: "AA",
		SummaryZh: "秭归脐橙师掌握脐橙栽培、修剪嫁接、采后处理和电商销售技能，在三峡库区山地果园和物流分拣中心就业，带动库区群众稳定增收。",
		SummaryEn: "Orange growers, packers and online sellers in the Three Gorges reservoir area.",
		StoryZh: "秭归地处三峡库区，山地果园是许多家庭的主要收入来源。当地组织农技人员和果农能手开设田间课堂，围绕品种改良、整形修剪、绿色防控和采后分级开展实训。老果农的经验和新技术在果园里相互融合。\n\n" +
			"随着电商和冷链物流发展，品牌把分拣包装、直播销售、快递打包纳入培训内容，搬迁群众和留守妇女在家门口的分拣中心即可上岗。果园和分拣中心错峰用工，让群众一年有多份收入。\n\n" +
			"秭归脐橙师还以技术服务队的形式受邀赴省内外柑橘产区开展修剪和病虫害防治指导，一年四季都有活干，成为库区群众稳就业、促增收的重要途径。一颗颗脐橙也由此成为库区对外展示的一张名片。",
		StoryEn:  "Growers learn grafting, grading and e-commerce, and packing jobs are close to home.",
		Featured: true, FeaturedRank: 6,
	},
	{
		Slug: "daye-yinzu-gujian-gong", NameZh: "大冶殷祖古建工", NameEn: "Yinzu Heritage Builders",
		RegionCode: "420281", IndustryZh: "古建筑营造", IndustryEn: "Traditional architecture",
		Category: "CULTURE_TOURISM", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 12000, WorkersExported: 9000, FoundedYear: 2008, TrademarkCount: 2, PatentCount: 6, CreditRating: "AA",
		SummaryZh: "大冶殷祖古建工传承木作、瓦作、石作、彩绘等传统营造技艺，承接古建修缮、园林景观和文旅项目，足迹遍布全国多地。",
		SummaryEn: "Carpenters, masons and painters from Yinzu who restore historic buildings across China.",
		StoryZh: "殷祖一带自古多能工巧匠，传统营造技艺代代相传。当地依托古建企业和非遗传习所，开设木结构榫卯、砖瓦砌筑、石雕、油饰彩绘等实训课程，坚持以项目带徒弟。许多学徒都是跟着父辈走上这条路的。\n\n" +
			"品牌推行“企业+工匠+学徒”的组团输出模式，由企业承接工程，工匠带队施工，学徒在实际项目中成长，同时注重古建修缮规范和安全生产培训。每个工程结束后，师傅们都会组织复盘，总结经验、纠正不足。\n\n" +
			"大冶殷祖古建工参与了多地的古建修缮、寺观园林和特色小镇项目，也在文化节会上展示传统营造技艺，让老手艺在新时代焕发活力。一些年轻工匠还学会了三维扫描和数字化测绘，让传统技艺与新技术相得益彰。",
		StoryEn:  "Teams of craftsmen and apprentices restore temples and gardens and build heritage-town projects across China.",
		Featured: true, FeaturedRank: 7,
	},
	{
		Slug: "xiantao-huli-yuan", NameZh: "仙桃护理员", NameEn: "Xiantao Carers",
		RegionCode: "429004", IndustryZh: "养老护理", IndustryEn: "Elderly and patient care",
		Category: "QUALITY_SERVICE", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 15000, WorkersExported: 6500, FoundedYear: 2017, TrademarkCount: 2, PatentCount: 1, CreditRating: "AA",
		SummaryZh: "仙桃护理员面向医院陪护、居家养老和机构照护岗位，经过规范化培训持证上岗，以专业、耐心、贴心的服务赢得群众认可。",
		SummaryEn: "Certified carers for hospitals, care homes and families.",
		StoryZh: "随着老龄化程度加深，养老护理人才需求持续增长。仙桃依托医疗卫生机构和职业培训学校，开设生活照料、基础护理、康复辅助、心理慰藉等课程，并安排学员在养老机构跟岗实习。培训对象以中年女性和转岗职工为主。\n\n" +
			"品牌建立“培训—认定—就业—跟踪”闭环服务，由护理服务企业统一派遣，定期开展技能提升培训和服务质量评价，让护理员职业有尊严、收入有保障。护理员还可参加职业技能等级认定，等级越高、收入越高。\n\n" +
			"仙桃护理员服务本地医院和养老机构，也走进武汉等城市的家庭和社区，部分骨干成长为护理站负责人，带动更多中年劳动者转岗就业。护理员这一职业也越来越受到社会的尊重。",
		StoryEn:  "Certified carers from Xiantao work in hospitals, care homes and private homes, with regular refresher training and quality reviews.",
		Featured: true, FeaturedRank: 8,
	},
	{
		Slug: "suizhou-zhuanqi-gong", NameZh: "随州专汽工", NameEn: "Suizhou Special Vehicle Builders",
		RegionCode: "421303", IndustryZh: "专用汽车制造", IndustryEn: "Special-purpose vehicles",
		Category: "HIGH_END_SKILLED", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 38000, WorkersExported: 5000, FoundedYear: 2013, TrademarkCount: 3, PatentCount: 14, CreditRating: "AA",
		SummaryZh: "随州专汽工服务专用汽车改装制造产业，掌握焊接、钣金、电气装配和整车调试技能，支撑着当地专用汽车产业集群的发展。",
		SummaryEn: "Welders, panel beaters and electricians who build special-purpose vehicles in Suizhou.",
		StoryZh: "随州是专用汽车生产基地之一，各类改装车企业对焊工、钣金工、电工需求量大。当地依托技工院校建设专用汽车实训中心，按企业生产流程设置课程，做到培训内容与岗位要求对接。学员在实训中心里就能接触到真实的车型和工装。\n\n" +
			"品牌组织企业开展技能比武和岗位练兵，鼓励职工参加职业技能等级认定，对取得高级工以上等级的技工给予相应补贴，逐步形成了一支稳定的高技能队伍。企业还设立了技能津贴，让技术好的工人收入更高、干劲更足。\n\n" +
			"随州专汽工在本地产业园稳定就业，也随产品售后服务走向全国和海外市场，成为专用汽车产业集群的一张技能名片。不少外出务工人员也因此回到家乡，在家门口当上了产业工人。",
		StoryEn:  "Skilled workers build and commission fire engines, tankers and other special vehicles, and follow them to customers at home and abroad.",
		Featured: true, FeaturedRank: 9,
	},
	{
		Slug: "jianli-jianzhu-gong", NameZh: "监利建筑工", NameEn: "Jianli Builders",
		RegionCode: "421088", IndustryZh: "建筑施工", IndustryEn: "Construction",
		Category: "LIVELIHOOD", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 85000, WorkersExported: 70000, FoundedYear: 2005, TrademarkCount: 1, PatentCount: 2, CreditRating: "A",
		SummaryZh: "监利建筑工以钢筋、木工、砌筑、装饰装修等传统建筑工种为主，组团外出务工历史悠久，是带动江汉平原农村劳动力转移就业的民生保障型品牌。",
		SummaryEn: "Steel fixers, carpenters and finishers from the Jianghan Plain working on sites nationwide.",
		StoryZh: "监利是劳务输出大县，外出从事建筑行业的劳动者众多。当地针对建筑业用工特点，开设钢筋工、架子工、装配式建筑施工、建筑电工等培训班，把安全生产教育贯穿始终。培训班多安排在春节前后，方便外出务工人员返乡参加。\n\n" +
			"品牌依托劳务合作社和建筑劳务企业组织输出，推行实名制管理和工资专户，帮助务工人员依法维权，同时为返乡人员提供就近就业和创业服务。合作社还为务工人员购买意外伤害保险，解决他们的后顾之忧。\n\n" +
			"监利建筑工活跃在全国各地的工地上，一些带班骨干逐步成长为项目负责人，反哺家乡建设，带动更多乡亲走上技能致富之路。建筑工地上的监利口音，成了许多城市里熟悉的声音。",
		StoryEn:  "Builders from Jianli work on sites across China, organised through labour cooperatives that register workers and protect their pay.",
		Featured: true, FeaturedRank: 10,
	},
	{
		Slug: "ezhou-wuliu-gong", NameZh: "鄂州物流工", NameEn: "Ezhou Logistics Workers",
		RegionCode: "420704", IndustryZh: "航空物流", IndustryEn: "Air-cargo logistics",
		Category: "LIVELIHOOD", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 18000, WorkersExported: 2000, FoundedYear: 2021, TrademarkCount: 1, PatentCount: 2, CreditRating: "AA",
		SummaryZh: "鄂州物流工面向航空货运枢纽及周边仓储分拣、装卸搬运、冷链配送等岗位，让临空经济区周边群众在家门口实现就业。",
		SummaryEn: "Warehouse, sorting and cold-chain staff for the Ezhou air-cargo hub.",
		StoryZh: "随着航空货运枢纽投入运营，鄂州及周边地区物流用工需求大幅增长。当地人社部门联合物流企业开设叉车驾驶、航空货物安检、仓储管理、智能分拣设备操作等课程。课程设置紧贴货运枢纽的实际岗位需求。\n\n" +
			"培训采取“企业出题、院校答题”的方式，学员在模拟仓库和真实场站轮岗实训，考核合格后直接签约上岗，并享受相应的培训和就业补贴。企业还为夜班职工提供通勤班车和食宿保障。\n\n" +
			"鄂州物流工吸纳了大量周边农村劳动力和搬迁群众，也为省内其他物流园区输送了技能人员，成为临空经济发展带动就业的新品牌。随着枢纽业务量增长，物流工的岗位种类和晋升通道也越来越多。",
		StoryEn:  "Forklift drivers, sorters and cold-chain staff trained for the air-cargo hub give nearby villages jobs close to home.",
		Featured: true, FeaturedRank: 11,
	},
	{
		Slug: "huangmei-tiaohua-nv", NameZh: "黄梅挑花女", NameEn: "Huangmei Cross-Stitch Women",
		RegionCode: "421127", IndustryZh: "挑花刺绣", IndustryEn: "Cross-stitch embroidery",
		Category: "CULTURE_TOURISM", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 6000, WorkersExported: 800, FoundedYear: 2010, TrademarkCount: 4, PatentCount: 3, CreditRating: "AA",
		SummaryZh: "黄梅挑花女传承国家级非物质文化遗产黄梅挑花技艺，以十字针法在布面上挑出吉祥图案，制作服饰、家居和文创产品，让农村妇女居家灵活就业。",
		SummaryEn: "Women who stitch Huangmei's heritage cross-stitch patterns at home for clothing, homeware and souvenirs.",
		StoryZh: "黄梅挑花是流传于鄂东的民间刺绣技艺，图案古朴、针法细密。当地建设非遗工坊，由传承人定期授课，从基础针法到复杂构图分级教学，学员可以把绣活带回家中完成。很多学员是祖孙两代一起来学的。\n\n" +
			"品牌与文创企业合作，把传统纹样应用到围巾、抱枕、茶席和旅游纪念品上，实行统一设计、统一收购、统一销售，让绣娘的手艺变成稳定收入。绣娘们利用农闲和照顾家庭的间隙就能完成订单，一针一线都是收入。\n\n" +
			"黄梅挑花女多次亮相文化展会和非遗展演活动，作品走进城市商场和线上店铺，越来越多年轻人也加入进来，让古老技艺焕发新生。一方方挑花布，承载着鄂东乡村的记忆和温度。",
		StoryEn:  "Women stitch the county's heritage patterns at home for scarves, cushions and souvenirs sold through partner firms.",
		Featured: true, FeaturedRank: 12,
	},
	{
		Slug: "jingmen-lidian-gong", NameZh: "荆门锂电工", NameEn: "Jingmen Battery Technicians",
		RegionCode: "420800", IndustryZh: "新能源电池", IndustryEn: "New-energy batteries",
		Category: "HIGH_END_SKILLED", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 22000, WorkersExported: 1500, FoundedYear: 2019, TrademarkCount: 2, PatentCount: 12, CreditRating: "AA",
		SummaryZh: "荆门锂电工服务新能源电池材料和电池制造产业，涵盖材料合成、电芯生产、设备维护和质量检测等岗位，是新兴产业催生的技能型劳务品牌。",
		SummaryEn: "Technicians for battery materials and cell production in Jingmen's new-energy industry.",
		StoryZh: "荆门近年来大力发展新能源新材料产业，电池材料和电池制造企业集聚，对技术工人需求迫切。当地职业院校开设新能源材料、电池制造与检测等专业，企业同步建设实训车间。许多学员入学时就已确定了就业岗位。\n\n" +
			"品牌推行“招工即招生、入企即入校”的培养模式，新员工边工作边学习，由企业技师担任导师，考核通过后可获得职业技能等级证书和岗位晋升。企业还为技术骨干提供继续深造的机会。\n\n" +
			"荆门锂电工随着产业链延伸不断壮大，部分骨干被派往省外及海外生产基地参与建设调试，为新能源产业发展提供了稳定的人才支撑。新能源产业的快速发展，也为本地青年提供了留在家乡的理由。",
		StoryEn:  "New staff learn on the job in battery plants, mentored by company technicians, and some help start up sites elsewhere.",
		Featured: true, FeaturedRank: 13,
	},
	{
		Slug: "xiaochang-fuzhuang-gong", NameZh: "孝昌服装工", NameEn: "Xiaochang Garment Workers",
		RegionCode: "420921", IndustryZh: "服装制造", IndustryEn: "Garment manufacturing",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 9000, WorkersExported: 2500, FoundedYear: 2018, TrademarkCount: 1, PatentCount: 0, CreditRating: "A",
		SummaryZh: "孝昌服装工以缝纫、裁剪、整烫、质检等工种为主，依托县城产业园和乡村帮扶车间就业，帮助留守妇女实现挣钱顾家两不误。",
		SummaryEn: "Sewing and cutting jobs in village workshops that let mothers earn near home.",
		StoryZh: "孝昌曾是国家扶贫开发重点县，农村留守妇女较多。当地引进服装加工企业，在产业园和乡镇建设帮扶车间，组织开展缝纫机操作、服装裁剪、质量检验等短期培训。培训由企业技术员和职业培训学校老师共同授课。\n\n" +
			"培训结束即上岗，车间实行弹性工作时间，方便学员接送孩子、照顾老人。企业还设立技能等级工资，熟练工通过考核可以晋升为班组长。车间里还设立了儿童活动角，孩子放学后可以在这里写作业。\n\n" +
			"孝昌服装工为外地品牌加工订单，也开始尝试自主设计和网络销售，成为县域产业与就业融合发展的民生保障型品牌。越来越多的外出务工妇女回到家乡，在车间里找到了新的工作。",
		StoryEn:  "Flexible shifts in the industrial park and village workshops let women sew, cut and inspect garments while caring for their families.",
		Featured: true, FeaturedRank: 14,
	},
	{
		Slug: "qichun-aijiu-shi", NameZh: "蕲春艾灸师", NameEn: "Qichun Moxibustion Practitioners",
		RegionCode: "421126", IndustryZh: "艾灸康养", IndustryEn: "Moxibustion and wellness",
		Category: "QUALITY_SERVICE", Level: "NATIONAL", InResourceLibrary: true, InGuidanceCatalogue: true,
		WorkersEmployed: 30000, WorkersExported: 12000, FoundedYear: 2014, TrademarkCount: 12, PatentCount: 15, CreditRating: "AAA",
		SummaryZh: "蕲春艾灸师依托蕲艾资源和中医药文化，经过规范培训掌握艾灸调理、养生保健和门店经营技能，在全国各地康养机构和艾灸馆就业创业。",
		SummaryEn: "Moxibustion practitioners trained around Qichun's mugwort industry.",
		StoryZh: "蕲春是医药文化之乡，蕲艾种植和加工产业发达。当地依托中医药院校和职业培训机构，开设艾灸调理、保健按摩、康养服务等课程，强调规范操作和安全防护。培训既讲操作手法，也讲职业道德和服务礼仪。\n\n" +
			"学员考核合格后，可在合作康养机构上岗，也可在政策支持下开办艾灸馆。品牌统一服务标准和店面形象，定期组织技能交流和复训。对开店创业的学员，品牌还提供选址、装修和经营管理等方面的指导。\n\n" +
			"蕲春艾灸师服务网点遍布全国多个省市，还走进社区开展健康科普，带动艾草种植、加工和物流等上下游产业共同发展。一根艾条，让许多农村劳动者有了体面的职业和稳定的收入。",
		StoryEn: "Practitioners work in wellness centres and run their own studios across China, supporting mugwort growing and processing back home.",
	},
	{
		Slug: "yunxi-jiazheng-sao", NameZh: "郧西家政嫂", NameEn: "Yunxi Home Helpers",
		RegionCode: "420322", IndustryZh: "家政服务", IndustryEn: "Housekeeping",
		Category: "QUALITY_SERVICE", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 11000, WorkersExported: 7500, FoundedYear: 2016, TrademarkCount: 2, PatentCount: 0, CreditRating: "AA",
		SummaryZh: "郧西家政嫂由秦巴山区农村妇女和易地搬迁群众组成，经系统培训后从事保洁收纳、母婴护理、老人照护等家政服务，输出到武汉、十堰和省外城市。",
		SummaryEn: "Housekeepers and carers from relocation sites in the Qinba mountains.",
		StoryZh: "郧西地处秦巴山区，易地扶贫搬迁群众较多。当地把家政培训作为稳定就业的重要抓手，在安置点附近设立培训站，开设整理收纳、家庭保洁、母婴照护、家常菜制作等课程。培训期间还为学员提供免费食宿和交通补贴。\n\n" +
			"家政企业与培训机构联合招生、联合考核，学员结业后由企业统一派单，建立服务评价和信用记录，表现优秀的学员可晋升为督导和培训讲师。企业定期回访雇主，及时了解服务情况、化解矛盾纠纷。\n\n" +
			"郧西家政嫂走出大山，在城市家庭中赢得口碑，部分学员积累经验后回乡创办家政公司，带动安置点更多妇女就业。家政嫂们用勤劳的双手改变了家庭的生活，也改变了自己的命运。",
		StoryEn: "Women from relocation settlements train near home and are placed with families in Wuhan, Shiyan and other cities.",
	},
	{
		Slug: "tianmen-zhengcai-shi", NameZh: "天门蒸菜师", NameEn: "Tianmen Steamed-Dish Chefs",
		RegionCode: "429006", IndustryZh: "餐饮服务", IndustryEn: "Catering",
		Category: "QUALITY_SERVICE", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 26000, WorkersExported: 16000, FoundedYear: 2012, TrademarkCount: 7, PatentCount: 2, CreditRating: "AA",
		SummaryZh: "天门蒸菜师传承“无菜不蒸”的天门蒸菜烹饪技艺，掌握粉蒸、清蒸、炮蒸等多种技法，在全国各地开办蒸菜馆或进入餐饮企业就业。",
		SummaryEn: "Cooks trained in Tianmen's steamed-dish tradition, running restaurants around China.",
		StoryZh: "天门蒸菜历史悠久、品种丰富，是江汉平原的饮食名片。当地依托烹饪职业培训机构，系统开展蒸菜原料加工、调味配方、火候掌控等技能培训，并编写了统一的培训教材。培训班还邀请老厨师现场示范，讲解各类蒸菜的历史和讲究。\n\n" +
			"学员考核合格后，可进入合作酒店和餐饮连锁企业就业，也可获得创业指导和小额贷款扶持，开办蒸菜馆。品牌定期举办蒸菜技能大赛，推动技艺传承和创新。\n\n" +
			"天门蒸菜师把家乡味道带到了全国多个城市，许多蒸菜馆成为在外天门人的聚会场所，也让更多食客认识了江汉平原的饮食文化。“蒸菜馆”三个字，已成为许多在外游子心中的乡愁符号。",
		StoryEn: "Cooks trained in Tianmen's steamed dishes work in catering chains or open their own restaurants in many Chinese cities.",
	},
	{
		Slug: "macheng-shicai-gong", NameZh: "麻城石材工", NameEn: "Macheng Stoneworkers",
		RegionCode: "421181", IndustryZh: "石材加工", IndustryEn: "Stone processing",
		Category: "LIVELIHOOD", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 40000, WorkersExported: 9000, FoundedYear: 2007, TrademarkCount: 3, PatentCount: 11, CreditRating: "A",
		SummaryZh: "麻城石材工从事花岗岩开采后的切割、磨光、雕刻和安装等工作，依托石材产业园形成规模化就业，是大别山区群众增收的重要渠道。",
		SummaryEn: "Granite cutters, polishers, carvers and installers from the Dabie Mountains.",
		StoryZh: "麻城花岗岩资源丰富，石材加工产业已形成集群。随着产业转型升级，当地职业培训机构开设数控石材加工、石材雕刻、幕墙安装和安全生产等课程，推动传统石材工向技能型转变。许多学员原本是矿区附近的农民。\n\n" +
			"园区企业积极推行绿色生产，改造粉尘和废水治理设施，同步对员工开展职业健康培训。品牌通过技能比武选拔优秀工匠，鼓励他们带徒传艺。企业还为一线工人配发防护用品，定期组织健康体检。\n\n" +
			"麻城石材工既在本地园区稳定就业，也承接各地园林、建筑装饰和城市更新项目，让大别山的石头变成了群众的“致富石”。石材产业的绿色转型，也让石材工的工作环境和收入都有了明显改善。",
		StoryEn: "Greener plants and CNC training are upgrading an old trade, and Macheng crews install stone for gardens and buildings across China.",
	},
	{
		Slug: "xiangyang-zhoucheng-gong", NameZh: "襄阳轴承工", NameEn: "Xiangyang Bearing Machinists",
		RegionCode: "420607", IndustryZh: "轴承及装备制造", IndustryEn: "Bearings and equipment",
		Category: "HIGH_END_SKILLED", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 14000, WorkersExported: 1800, FoundedYear: 2010, TrademarkCount: 1, PatentCount: 17, CreditRating: "AA",
		SummaryZh: "襄阳轴承工面向轴承和精密零部件制造企业，掌握数控车削、磨削加工、精密检测和装配调试等技能，为高端装备产业提供配套人才。",
		SummaryEn: "CNC turners, grinders and inspectors for precision bearings and parts.",
		StoryZh: "襄阳装备制造业基础雄厚，轴承及精密零部件企业对数控技工需求稳定。当地技工院校与企业共建实训基地，开设数控车工、磨工、精密测量、设备维修等专业。实训设备与企业生产线同步更新。\n\n" +
			"品牌推行企业新型学徒制，学徒由企业和学校双导师培养，期间享受学徒培训补贴。企业定期举办技能比武，对获奖者给予晋级和奖励。老师傅们把精度控制的窍门写进了教案，让新人少走弯路。\n\n" +
			"襄阳轴承工凭借扎实的基本功，成为汽车、轨道交通和风电等领域配套企业争相招聘的技术力量，一批技术骨干成长为技师和高级技师。襄阳轴承工的成长，见证了当地装备制造业从规模扩张到质量提升的转变。",
		StoryEn: "Apprentices mentored by both school and company supply precision parts for vehicles, railways and wind power.",
	},
	{
		Slug: "zhijiang-huagong-shi", NameZh: "枝江化工师", NameEn: "Zhijiang Chemical Operators",
		RegionCode: "420583", IndustryZh: "精细化工与新材料", IndustryEn: "Fine chemicals and new materials",
		Category: "HIGH_END_SKILLED", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 12000, WorkersExported: 1000, FoundedYear: 2015, TrademarkCount: 0, PatentCount: 9, CreditRating: "AA",
		SummaryZh: "枝江化工师服务精细化工和新材料企业，掌握化工总控、仪表维护、安全环保等岗位技能，是长江沿岸化工产业转型升级中成长起来的技能型品牌。",
		SummaryEn: "Process operators and technicians for fine-chemical and new-material plants on the Yangtze.",
		StoryZh: "枝江沿江分布着多家化工和新材料企业，在产业绿色转型的背景下，企业对懂工艺、重安全的技能人才需求迫切。当地职业院校开设化工总控工、化学检验员、仪器仪表维修等专业。\n\n" +
			"培训把安全生产和环保要求放在首位，学员须通过模拟装置操作和应急演练考核。企业与院校共建实训中心，推动新员工在真实工艺环境中学习。每名新员工都要经过理论、实操、安全三道关口才能独立上岗。\n\n" +
			"枝江化工师逐步成长为园区企业的生产骨干，部分人员随企业项目赴省内外新建装置开展开车调试，为化工产业高质量发展提供了人才保障。园区企业与院校的深度合作，让化工专业成为当地青年的热门选择。",
		StoryEn: "Operators trained with safety first run and commission plants in Zhijiang and at new sites elsewhere.",
	},
	{
		Slug: "tianmen-yiyao-gong", NameZh: "天门医药工", NameEn: "Tianmen Pharma Technicians",
		RegionCode: "429006", IndustryZh: "生物医药", IndustryEn: "Biomedicine",
		Category: "HIGH_END_SKILLED", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 8000, WorkersExported: 600, FoundedYear: 2019, TrademarkCount: 1, PatentCount: 10, CreditRating: "A",
		SummaryZh: "天门医药工面向原料药、制剂和医疗器械生产企业，掌握药物制剂、质量检验、洁净车间操作等技能，为生物医药产业提供技能人才支撑。",
		SummaryEn: "Young technicians making medicines to GMP standards in Tianmen.",
		StoryZh: "天门医药产业园集聚了一批原料药和制剂企业，对持证上岗的技能人才需求不断增加。当地职业院校开设药物制剂、药品质量检测、生物技术等专业，并建设模拟洁净车间。课程设置对接药品生产的各个关键岗位。\n\n" +
			"学员按照药品生产质量管理规范接受严格训练，熟悉设备操作、记录填写和偏差处理。企业技术人员进校授课，学生在校期间即可到企业轮岗实习。规范操作、如实记录，成为每一名学员的职业习惯。\n\n" +
			"天门医药工从本地园区起步，逐步走向省内其他生物医药基地，成为江汉平原发展新兴产业、吸纳青年就业的一张新名片。越来越多的本地青年选择留在家乡，投身生物医药产业。",
		StoryEn: "Students train in a mock clean room and rotate through local plants before joining them.",
	},
	{
		Slug: "hanchuan-shukong-gong", NameZh: "汉川数控工", NameEn: "Hanchuan CNC Machinists",
		RegionCode: "420984", IndustryZh: "数控加工", IndustryEn: "CNC machining",
		Category: "HIGH_END_SKILLED", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 6000, WorkersExported: 1500, FoundedYear: 2017, TrademarkCount: 0, PatentCount: 6, CreditRating: "A",
		SummaryZh: "汉川数控工掌握数控车铣、加工中心编程和机械装配技能，服务本地装备制造和纺织机械企业，部分技工输出到武汉及沿海制造业基地。",
		SummaryEn: "CNC machinists serving manufacturers in Hanchuan and the Wuhan area.",
		StoryZh: "汉川临近武汉，装备制造和纺织机械企业较多，数控技工长期紧缺。当地职业技术学校开设数控车铣、加工中心操作、计算机制图等课程，企业提供设备和实习岗位。实训课程注重识图、编程和实际加工相结合。\n\n" +
			"品牌实施技能提升行动，组织在职职工参加夜校和周末班，技能等级提高后工资相应上调，激发了工人学技术的积极性。培训时间灵活安排，不影响职工正常上班，企业还对取得证书的职工给予奖励。\n\n" +
			"汉川数控工以踏实肯干、技术过硬在武汉城市圈制造业中赢得口碑，一些技术能手还创办了精密加工小微企业，带动更多青年就业。一台台数控机床旁，年轻技工正成为县域制造业的中坚力量。",
		StoryEn: "Evening and weekend classes lift machinists' skill grades and pay.",
	},
	{
		Slug: "guangshui-fengji-gong", NameZh: "广水风机工", NameEn: "Guangshui Fan Makers",
		RegionCode: "421381", IndustryZh: "风机装备制造", IndustryEn: "Industrial fans and blowers",
		Category: "HIGH_END_SKILLED", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 5000, WorkersExported: 900, FoundedYear: 2016, TrademarkCount: 2, PatentCount: 13, CreditRating: "A",
		SummaryZh: "广水风机工服务工业风机和通风设备制造产业，掌握钣金成型、焊接、动平衡调试和安装维保技能，是县域特色制造业培育的技能型劳务品牌。",
		SummaryEn: "Sheet-metal workers, welders and installers for industrial fans.",
		StoryZh: "广水风机产业起步早、企业多，产品涵盖工业通风、环保除尘等领域。当地依托职业培训机构和骨干企业，开设钣金下料、焊接、叶轮动平衡、电气控制等课程。课程由企业工程师和职业院校教师共同开发。\n\n" +
			"品牌把售后安装维保作为重要就业方向，组织技工学习现场安装、故障诊断和节能改造技术，让技工既能在车间干活，也能到项目现场服务。安装维保岗位收入较高，吸引了不少年轻人报名。\n\n" +
			"广水风机工随着产品走向全国各地的工厂、隧道和地铁项目，不少人成长为能独当一面的项目技术员，为县域制造业发展注入了技能力量。县域特色产业与技能人才培养相互促进，形成了良性循环。",
		StoryEn: "Fan makers build ventilation equipment in Guangshui and install it in factories, tunnels and metro lines nationwide.",
	},
	{
		Slug: "jingshan-zhuangbei-gong", NameZh: "京山装备工", NameEn: "Jingshan Machinery Fitters",
		RegionCode: "420882", IndustryZh: "包装机械制造", IndustryEn: "Packaging machinery",
		Category: "HIGH_END_SKILLED", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 7000, WorkersExported: 700, FoundedYear: 2014, TrademarkCount: 1, PatentCount: 19, CreditRating: "AA",
		SummaryZh: "京山装备工服务包装机械和智能装备制造企业，涵盖机械装配、电气调试、焊接和设备安装等岗位，以精益求精的工匠精神支撑县域装备制造业发展。",
		SummaryEn: "Fitters and electricians who build and commission packaging machinery.",
		StoryZh: "京山的包装机械制造有较好产业基础，产品销往国内外市场。当地技工学校与企业合作开设机电一体化、电气控制、工业机器人应用等专业，按企业生产线配置实训设备。学员入学后即与企业签订培养协议，毕业后优先到合作企业就业。\n\n" +
			"企业建立首席技师制度和技能大师工作室，围绕设备调试、工艺改进开展技术攻关，带出了一批能解决现场难题的青年技工。工作室还定期面向全县职工开放，开展技术交流和技能培训。\n\n" +
			"京山装备工常年随设备出厂到国内外客户现场安装调试，把“京山制造”的口碑带到了更多地方，也带动了本地青年留乡就业。一台台设备从这里出发，也把京山技工的手艺带向了世界。",
		StoryEn: "Jingshan fitters often travel with their machines to commission them for customers at home and abroad.",
	},
	{
		Slug: "huangshi-muju-gong", NameZh: "黄石模具工", NameEn: "Huangshi Toolmakers",
		RegionCode: "420200", IndustryZh: "模具制造", IndustryEn: "Mould and die making",
		Category: "HIGH_END_SKILLED", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 9000, WorkersExported: 1200, FoundedYear: 2012, TrademarkCount: 0, PatentCount: 7, CreditRating: "",
		SummaryZh: "黄石模具工掌握模具设计、数控加工、电火花加工和模具装配调试技能，服务汽车零部件、家电和电子产品模具制造企业。",
		SummaryEn: "Mould designers and toolmakers from an old industrial city.",
		StoryZh: "黄石是老工业基地，近年来模具产业加快发展。当地职业院校开设模具设计与制造专业，企业提供真实订单供学生练手，实现教学与生产的无缝衔接，学生毕业即可胜任岗位工作。\n\n" +
			"品牌组织开展模具技能大赛和技术交流，鼓励老师傅带徒传艺，把精密加工的诀窍一代代传下去，并为转岗职工提供免费技能培训，帮助他们掌握新技能、走上新岗位。企业还为技术骨干设立技能津贴。\n\n" +
			"黄石模具工逐步在省内外模具行业形成口碑，为资源型城市转型发展提供了新的就业增长点，也吸引了不少在外务工的技术人员回乡就业。模具产业的发展，也带动了周边机加工和热处理等配套企业的就业。",
		StoryEn: "Toolmakers trained on real orders serve automotive, appliance and electronics manufacturers.",
		Draft:   true,
	},
	{
		Slug: "huangpi-yuesao", NameZh: "黄陂月嫂", NameEn: "Huangpi Maternity Nurses",
		RegionCode: "420116", IndustryZh: "母婴护理", IndustryEn: "Maternity and newborn care",
		Category: "QUALITY_SERVICE", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 9000, WorkersExported: 4000, FoundedYear: 2013, TrademarkCount: 3, PatentCount: 0, CreditRating: "AA",
		SummaryZh: "黄陂月嫂专注产妇护理、新生儿照护和月子餐制作，学员经过理论学习和医院实习后持证上岗，服务武汉城区及周边城市家庭。",
		SummaryEn: "Certified maternity nurses caring for mothers and newborns in Wuhan homes.",
		StoryZh: "黄陂紧邻武汉中心城区，母婴护理服务需求旺盛。当地职业培训机构联合妇幼保健机构，开设产妇护理、新生儿护理、催乳、月子餐制作等课程，并安排学员到医院产科见习。每期培训都邀请医护人员讲授专业知识。\n\n" +
			"品牌实行星级评定，根据服务年限、客户评价和技能水平确定星级，星级越高薪酬越高，激励月嫂不断学习新知识、提升服务质量。品牌还建立了客户回访制度，及时改进服务中的不足。\n\n" +
			"黄陂月嫂凭借细心周到的服务在武汉家庭中口口相传，不少学员成长为金牌月嫂和培训讲师，带动了周边乡村妇女就业。月嫂这一职业，也让许多农村妇女实现了经济独立，赢得了家人的尊重。",
		StoryEn: "Nurses trained with local maternal-health services work under a star-rating system that rewards experience and skill.",
	},
	{
		Slug: "xianning-wenquan-kangyang-shi", NameZh: "咸宁温泉康养师", NameEn: "Xianning Hot-Spring Wellness Staff",
		RegionCode: "421202", IndustryZh: "康养服务", IndustryEn: "Health and wellness services",
		Category: "QUALITY_SERVICE", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 7000, WorkersExported: 900, FoundedYear: 2018, TrademarkCount: 2, PatentCount: 1, CreditRating: "AA",
		SummaryZh: "咸宁温泉康养师依托温泉资源和康养产业，从事温泉理疗、康复保健、健康管理和康养旅游服务，让游客在休闲中享受专业健康服务。",
		SummaryEn: "Therapy and wellness staff for Xianning's hot-spring resorts.",
		StoryZh: "咸宁温泉资源丰富，温泉康养产业发展迅速。当地职业院校与温泉酒店、康养机构合作开设健康管理、保健按摩、康复理疗、旅游服务等课程，推行校企双导师制。学员在温泉酒店和康养机构轮岗实习。\n\n" +
			"品牌制定服务规范，从接待礼仪到理疗操作都有统一标准。从业人员定期参加技能复训和职业素养培训，优秀者可晋升为康养顾问和门店主管。服务对象的满意度评价与从业人员的薪酬直接挂钩。\n\n" +
			"咸宁温泉康养师服务本地温泉景区，也走进武汉等城市的康养机构，为发展健康服务业提供了人才支撑，让温泉资源转化为更多就业岗位。康养服务业已成为当地吸纳青年就业的重要领域。",
		StoryEn: "Hot-spring therapy, rehabilitation and wellness-tourism staff work in Xianning's resorts and in care centres in nearby cities.",
	},
	{
		Slug: "xiaonan-renli-ziyuan-shi", NameZh: "孝南人力资源师",
		RegionCode: "420902", IndustryZh: "人力资源服务",
		Category: "QUALITY_SERVICE", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 1200, WorkersExported: 300, FoundedYear: 2020, TrademarkCount: 1, PatentCount: 0, CreditRating: "A",
		SummaryZh: "孝南人力资源师从事招聘对接、劳务派遣、职业指导和灵活用工服务，帮助企业招工、帮助群众求职，是现代服务业领域的新兴劳务品牌。",
		StoryZh: "孝南城区人力资源服务机构较多。为提升行业专业水平，当地开设人力资源管理、职业指导、劳动关系协调等培训课程，鼓励从业人员考取相关职业技能等级证书。培训注重政策法规和实务操作。\n\n" +
			"品牌依托基层就业服务平台，组织人力资源师深入村组和社区开展岗位推介，帮助农村劳动力对接合适岗位，也为中小企业提供招聘和用工咨询服务。每逢春节前后，人力资源师还会走进返乡人员集中的村镇举办专场招聘会。\n\n" +
			"孝南人力资源师成为连接企业与劳动者的桥梁，在稳就业、保用工方面发挥了积极作用，部分机构还把服务延伸到武汉城市圈其他城市。这一新兴职业吸引了不少大学毕业生返乡从业。",
	},
	{
		Slug: "zhongxiang-kangyang-shi", NameZh: "钟祥康养师", NameEn: "Zhongxiang Elder-Care Workers",
		RegionCode: "420881", IndustryZh: "养老服务", IndustryEn: "Elderly care",
		Category: "QUALITY_SERVICE", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 4000, WorkersExported: 800, FoundedYear: 2019, TrademarkCount: 1, PatentCount: 0, CreditRating: "",
		SummaryZh: "钟祥康养师依托长寿之乡的养生文化，从事养老照护、健康管理、膳食调理等服务，在养老机构、社区居家养老服务中心和康养基地就业。",
		SummaryEn: "Carers and wellness staff from Hubei's 'longevity town'.",
		StoryZh: "钟祥素有长寿之乡的美誉，养生饮食和生活习惯独具特色。当地依托养老机构和职业培训学校，开设养老护理员、健康管理师、营养配餐等培训课程，面向城乡劳动者开展免费培训。培训课程还融入了当地传统的养生饮食知识。\n\n" +
			"品牌推动医养结合，组织学员在养老机构和社区卫生服务中心轮岗实习，掌握失能老人照护、慢病管理和康复训练等实用技能。品牌还定期组织护理技能比赛，以赛促学、以赛促训。\n\n" +
			"钟祥康养师服务本地养老机构和社区，也为省内外康养基地输送人才，让长寿文化转化为实实在在的就业岗位。养老服务业的发展，让许多中年妇女在家门口找到了合适的岗位。",
		StoryEn: "Carers trained in care homes and community health centres serve older people locally and at health resorts elsewhere.",
	},
	{
		Slug: "jingzhou-yugao-shi", NameZh: "荆州鱼糕师", NameEn: "Jingzhou Fish-Cake Cooks",
		RegionCode: "421000", IndustryZh: "餐饮与食品加工", IndustryEn: "Catering and food processing",
		Category: "QUALITY_SERVICE", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 10000, WorkersExported: 3000, FoundedYear: 2015, TrademarkCount: 5, PatentCount: 4, CreditRating: "AA",
		SummaryZh: "荆州鱼糕师传承楚地传统鱼糕制作技艺，掌握选鱼、制浆、蒸制和切配等工序，在餐饮企业、食品加工厂和特色小吃店就业创业。",
		SummaryEn: "Cooks and food workers who make Jingzhou's traditional fish cake.",
		StoryZh: "鱼糕是荆楚传统名菜，民间有“无糕不成席”之说。当地依托食品企业和烹饪培训机构，开设鱼糕制作、荆楚菜烹饪、食品安全等课程，把手工技艺与标准化生产相结合。培训学员中既有餐饮从业人员，也有返乡创业青年。\n\n" +
			"品牌鼓励学员进入食品加工企业，参与鱼糕产品的工业化生产和冷链销售，也支持有条件的学员开设特色餐馆，推广荆州风味。食品企业的生产线上，不少岗位都由培训学员担任。\n\n" +
			"荆州鱼糕师让传统美食从宴席走向超市和电商平台，带动了水产养殖、食品加工和物流等产业就业，成为荆楚饮食文化的传播者。逢年过节，一份鱼糕更成了游子寄托乡情的礼物。",
		StoryEn: "The traditional fish-cake craft lives on in restaurants, food factories and online shops.",
	},
	{
		Slug: "wuchang-hanxiu-niang", NameZh: "武昌汉绣娘", NameEn: "Wuchang Han Embroiderers",
		RegionCode: "420106", IndustryZh: "汉绣", IndustryEn: "Han embroidery",
		Category: "CULTURE_TOURISM", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 2000, WorkersExported: 200, FoundedYear: 2012, TrademarkCount: 3, PatentCount: 6, CreditRating: "AA",
		SummaryZh: "武昌汉绣娘传承国家级非物质文化遗产汉绣技艺，以色彩浓艳、针法多变见长，制作艺术挂屏、服饰和文创产品，活跃在非遗街区和文化展会。",
		SummaryEn: "Embroiderers practising Han embroidery, a listed intangible heritage.",
		StoryZh: "汉绣是荆楚文化的重要组成部分，曾在汉口、武昌一带十分兴盛。当地依托非遗传习所和高校设计专业，开设汉绣针法、图案设计、文创开发等课程，吸引了大批年轻人学习。一些退休职工也加入进来，重拾年轻时的手艺。\n\n" +
			"品牌采取“工作室+绣娘”的模式，由工作室承接订单、统一品控，绣娘可在工作室或家中完成作品，实现灵活就业。工作室按照作品难度和质量计酬，技艺越精收入越高。\n\n" +
			"武昌汉绣娘的作品走进博物馆、酒店和国际交流活动，让更多人看到了荆楚刺绣之美，也让传统技艺成为一份体面的职业。汉绣体验课程也走进了社区和校园，受到市民和游客的欢迎，学绣的人越来越多。",
		StoryEn: "Embroiderers make screens, clothing and souvenirs in studios or at home, and show their work at museums and cultural exchanges.",
	},
	{
		Slug: "jingzhou-qiyi-jiang", NameZh: "荆州漆艺匠", NameEn: "Jingzhou Lacquer Artisans",
		RegionCode: "421000", IndustryZh: "漆器髹饰", IndustryEn: "Lacquerware",
		Category: "CULTURE_TOURISM", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 1500, WorkersExported: 150, FoundedYear: 2014, TrademarkCount: 2, PatentCount: 5, CreditRating: "A",
		SummaryZh: "荆州漆艺匠传承楚式漆器髹饰技艺，掌握制胎、髹漆、彩绘和打磨等工序，制作生活漆器、艺术品和文创产品，让千年楚漆走进现代生活。",
		SummaryEn: "Craftspeople reviving Chu-style lacquerware.",
		StoryZh: "荆州出土了大量精美的楚国漆器，漆艺传统源远流长。当地依托非遗工坊和职业院校，开设制胎、髹漆、彩绘、推光等课程，坚持手工技艺与现代设计相结合。一件漆器往往要经过几十道工序、历时数月才能完成。\n\n" +
			"品牌实行师徒传承，学徒需经过多年磨练方可独立制作。工坊与文创企业合作开发茶具、饰品和文房用品，为学员提供稳定订单。工坊还与院校合作，培养懂设计、会制作的年轻漆艺人才。\n\n" +
			"荆州漆艺匠的作品多次在文化展会上展出，也走进研学旅行和文化体验课堂，让游客亲手体验髹漆彩绘，带动了当地文化旅游发展。千年楚漆，正在年轻匠人的手中延续着新的生命。",
		StoryEn: "Apprentices train for years in Jingzhou workshops to make lacquer tea sets, jewellery and art pieces.",
	},
	{
		Slug: "laifeng-xilankapu-zhiniang", NameZh: "来凤西兰卡普织娘", NameEn: "Laifeng Tujia Brocade Weavers",
		RegionCode: "422827", IndustryZh: "土家织锦", IndustryEn: "Tujia brocade weaving",
		Category: "CULTURE_TOURISM", Level: "PROVINCIAL", InResourceLibrary: true, InGuidanceCatalogue: false,
		WorkersEmployed: 3500, WorkersExported: 300, FoundedYear: 2011, TrademarkCount: 4, PatentCount: 7, CreditRating: "AA",
		SummaryZh: "来凤西兰卡普织娘传承土家族织锦技艺西兰卡普，在木质腰机上挑织出色彩鲜艳的传统纹样，产品包括被面、挂毯、服饰和旅游纪念品。",
		SummaryEn: "Tujia women weaving xilankapu brocade on traditional looms.",
		StoryZh: "西兰卡普是土家族传统织锦，土家族织锦技艺被列入国家级非物质文化遗产名录。来凤依托非遗传习所和民族文化企业，开设织锦基础、纹样设计、配色与产品开发等课程，为农村妇女提供织机。不少年轻姑娘也跟着母亲学起了织锦。\n\n" +
			"品牌推行“非遗工坊+合作社+农户”模式，织娘在家中织造，工坊统一收购、统一销售，并邀请设计师参与开发新品，使传统织锦更贴近现代审美。织锦合作社还定期组织织娘外出参观学习。\n\n" +
			"来凤西兰卡普织娘的作品走进了旅游景区、城市商场和文化交流活动，既留住了民族记忆，也为山区妇女带来了稳定收入。一台台织机，织出了土家儿女对美好生活的向往。",
		StoryEn: "Weavers work at home and sell through heritage workshops and cooperatives, with designers helping to create new products.",
	},
	{
		Slug: "yangxin-butie-niang", NameZh: "阳新布贴娘", NameEn: "Yangxin Appliqué Makers",
		RegionCode: "420222", IndustryZh: "布贴手工艺", IndustryEn: "Folk appliqué",
		Category: "CULTURE_TOURISM", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 2500, WorkersExported: 100, FoundedYear: 2016, TrademarkCount: 2, PatentCount: 3, CreditRating: "A",
		SummaryZh: "阳新布贴娘传承阳新布贴技艺，以碎布拼贴、刺绣缝制等手法制作童帽、肚兜、挂件等民间工艺品，让农村妇女在家门口实现灵活就业。",
		SummaryEn: "Women making Yangxin's heritage appliqué crafts at home.",
		StoryZh: "阳新布贴是鄂东南民间手工艺，色彩明快、造型质朴，被列入国家级非物质文化遗产名录。当地建设非遗工坊，由传承人带教，从剪样、拼贴到锁边逐步教学。学员大多是附近村庄的留守妇女和老人。\n\n" +
			"品牌与文创设计团队合作，将传统纹样用于抱枕、书签、布艺玩偶等产品，采取订单式生产，绣娘按件计酬，时间灵活，不耽误照顾家庭。工坊每月统一结算，报酬按时足额发放。\n\n" +
			"阳新布贴娘的作品在非遗展会和电商平台上受到欢迎，工坊还开设研学体验课程，让更多孩子和游客亲手体验布贴技艺。一块块小小的布贴，凝聚着鄂东南乡村妇女的心灵手巧，也让她们的日子越过越好。",
		StoryEn: "Heritage workshops pay by the piece for cushions, bookmarks and toys, and run hands-on classes for visitors.",
	},
	{
		Slug: "luotian-minsu-guanjia", NameZh: "罗田民宿管家", NameEn: "Luotian Guesthouse Hosts",
		RegionCode: "421123", IndustryZh: "乡村旅游", IndustryEn: "Rural tourism",
		Category: "CULTURE_TOURISM", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 3000, WorkersExported: 200, FoundedYear: 2019, TrademarkCount: 1, PatentCount: 0, CreditRating: "AA",
		SummaryZh: "罗田民宿管家服务大别山乡村旅游，掌握民宿运营、客房服务、农家菜烹饪和旅游讲解技能，让返乡青年和农村妇女在家门口吃上“旅游饭”。",
		SummaryEn: "Guesthouse hosts bringing tourism jobs to Dabie Mountain villages.",
		StoryZh: "罗田山清水秀，乡村旅游和民宿产业发展迅速。当地针对民宿从业人员开设客房服务、农家菜烹饪、线上营销、安全管理和乡土文化讲解等培训课程。培训大多在民宿现场进行，边学边练，学员结业后可直接上岗。\n\n" +
			"品牌制定民宿服务规范，组织管家到省内外优秀民宿跟岗学习，并通过民宿协会开展服务评比，推动从“农家乐”向精品民宿升级。民宿管家还学习接待外地游客的礼仪和应急处置知识。\n\n" +
			"罗田民宿管家吸引了不少返乡青年加入，他们把城市的服务理念带回山村，让游客住得舒心、玩得开心，也让乡村焕发新的活力。乡村旅游的兴起，让山里的好风景变成了群众的好“钱景”。",
		StoryEn: "Hosts learn hospitality, country cooking and online marketing, and many are young people who came home to the mountains.",
	},
	{
		Slug: "shennongjia-shanye-xiangdao", NameZh: "神农架山野向导", NameEn: "Shennongjia Mountain Guides",
		RegionCode: "429021", IndustryZh: "生态旅游", IndustryEn: "Eco-tourism",
		Category: "CULTURE_TOURISM", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 1200, WorkersExported: 50, FoundedYear: 2018, TrademarkCount: 1, PatentCount: 0, CreditRating: "AA",
		SummaryZh: "神农架山野向导熟悉林区地形、动植物知识和户外安全技能，为游客提供徒步向导、自然教育和生态讲解服务，是生态旅游与就业融合的文旅品牌。",
		SummaryEn: "Certified local guides for hiking and nature education in Shennongjia.",
		StoryZh: "神农架森林覆盖率高，生物多样性丰富，生态旅游吸引了大量游客。当地组织林区群众参加导游讲解、户外急救、野外生存和生态保护等培训，考核合格后持证上岗。许多向导原本就是熟悉山林的护林员和采药人。\n\n" +
			"品牌坚持保护优先，向导须熟知保护区管理规定，带领游客文明游览。培训还涵盖自然教育课程设计，让向导能为研学团队讲好大自然的故事。向导们还参与野生动植物监测，为生态保护贡献力量。\n\n" +
			"神农架山野向导让林区群众由“靠山吃山”转向“护山吃山”，在守护绿水青山的同时实现稳定增收。越来越多的游客在向导的带领下认识了神农架，也学会了尊重自然。",
		StoryEn: "Forest residents lead hikes and nature-education trips while helping to protect the reserve.",
	},
	{
		Slug: "fangxian-huangjiu-shi", NameZh: "房县黄酒师", NameEn: "Fang County Rice-Wine Brewers",
		RegionCode: "420325", IndustryZh: "黄酒酿造", IndustryEn: "Rice-wine brewing",
		Category: "CULTURE_TOURISM", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 4000, WorkersExported: 300, FoundedYear: 2013, TrademarkCount: 6, PatentCount: 4, CreditRating: "A",
		SummaryZh: "房县黄酒师传承房县传统黄酒酿造技艺，掌握选米、制曲、发酵和储存等工序，在酿酒作坊、酒企和文旅体验店就业，带动山区特色产业发展。",
		SummaryEn: "Brewers keeping Fang County's rice-wine tradition alive.",
		StoryZh: "房县黄酒酿造历史悠久，酿造技艺在民间代代相传。当地依托酿酒企业和传习工坊，开设传统酿造、食品安全、品鉴营销等课程，由老酿酒师手把手传授选米、制曲和控温的诀窍。学员大多是本地的年轻人和返乡人员。\n\n" +
			"品牌推动小作坊规范化改造，统一质量标准和包装标识，组织酿酒师参加技能培训和质量评比，帮助传统黄酒走出大山。规范化改造后，黄酒的品质更加稳定，销路也越来越宽。\n\n" +
			"房县黄酒师还开设酿酒体验工坊，把黄酒文化与乡村旅游结合起来，游客可以亲手体验酿酒，感受山区的民俗风情。每逢节庆，酒香飘满山村，吸引着四方游客前来品尝，黄酒师们也因此多了一份收入。",
		StoryEn: "Brewers work in workshops and wineries and show visitors how the county's rice wine is made.",
	},
	{
		Slug: "yingshan-chayi-shi", NameZh: "英山茶艺师",
		RegionCode: "421124", IndustryZh: "茶艺服务",
		Category: "CULTURE_TOURISM", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 3500, WorkersExported: 800, FoundedYear: 2017, TrademarkCount: 2, PatentCount: 0, CreditRating: "A",
		SummaryZh: "英山茶艺师依托大别山茶叶产区，掌握茶叶冲泡、茶艺表演、茶叶审评和茶馆经营技能，在茶馆、茶企和茶旅景区就业。",
		StoryZh: "英山是大别山重要的茶叶产区，茶园面积大、茶农多。当地针对茶产业延伸发展的需要，开设茶艺、茶叶审评、茶馆经营和茶文化讲解等课程，培训对象以农村青年和妇女为主。课程注重实操训练，每名学员都要反复练习冲泡和讲解。\n\n" +
			"学员通过考核取得茶艺师职业技能等级证书，可在茶企、茶馆和茶旅景区就业，也可参加茶艺表演队，参与各类茶事活动和文化展会。茶艺表演队还经常走进学校和社区，普及茶文化知识。\n\n" +
			"英山茶艺师让一片茶叶延伸出更多就业岗位，把茶园变成景区、把茶农变成茶艺师，为大别山区乡村振兴增添了活力。茶香里飘出的，是山区群众对美好生活的期盼。",
	},
	{
		Slug: "zhushan-lvsongshi-diaoke-shi", NameZh: "竹山绿松石雕刻师", NameEn: "Zhushan Turquoise Carvers",
		RegionCode: "420323", IndustryZh: "绿松石雕刻", IndustryEn: "Turquoise carving",
		Category: "CULTURE_TOURISM", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 5000, WorkersExported: 600, FoundedYear: 2012, TrademarkCount: 3, PatentCount: 9, CreditRating: "AA",
		SummaryZh: "竹山绿松石雕刻师掌握绿松石选料、切割、雕刻、抛光和镶嵌技艺，制作首饰、摆件和文创产品，是秦巴山区特色手工艺劳务品牌。",
		SummaryEn: "Carvers who turn Zhushan turquoise into jewellery and ornaments.",
		StoryZh: "竹山绿松石资源丰富，加工历史悠久。当地依托职业培训学校和雕刻企业，开设玉石雕刻、首饰设计、珠宝鉴定和电商营销等课程，鼓励老艺人带徒传艺。学员从认识原石开始，逐步掌握雕刻的各项技法。\n\n" +
			"品牌推行行业诚信经营规范，倡导标注真实材质、明码标价，并组织雕刻师参加工艺美术评比，不断提高作品的设计水平和附加值。诚信经营让竹山绿松石在市场上赢得了更好的口碑。\n\n" +
			"竹山绿松石雕刻师的作品销往全国各地，不少从业者通过直播电商打开了市场，绿松石产业成为山区群众增收致富的特色产业。一块块原石经过雕刻师的巧手，变成了深受消费者喜爱的艺术品。",
		StoryEn: "Carvers cut, carve and set stones, and many now sell through live-stream commerce.",
	},
	{
		Slug: "chibi-zhuancha-shi", NameZh: "赤壁砖茶师", NameEn: "Chibi Brick-Tea Makers",
		RegionCode: "421281", IndustryZh: "青砖茶制作", IndustryEn: "Brick-tea making",
		Category: "CULTURE_TOURISM", Level: "CITY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 6000, WorkersExported: 500, FoundedYear: 2010, TrademarkCount: 5, PatentCount: 8, CreditRating: "AA",
		SummaryZh: "赤壁砖茶师传承青砖茶制作技艺，掌握渥堆发酵、压制成型和烘干陈化等工序，服务茶企生产和万里茶道文化旅游，让古老茶香飘向远方。",
		SummaryEn: "Makers of Chibi's pressed brick tea, a listed heritage craft.",
		StoryZh: "赤壁是万里茶道的重要源头之一，青砖茶制作技艺被列入国家级非物质文化遗产名录。当地茶企与职业院校合作开设制茶、茶叶审评和茶文化讲解课程，由老师傅带徒传授压制技艺。学员大多来自茶区周边的村镇。\n\n" +
			"品牌推动传统工艺与现代生产线结合，在保留传统风味的同时提高生产效率和质量稳定性，并组织砖茶师开展技能比赛。老茶厂的车间里，传统木模和现代压机并肩工作，新老工艺相互补充。\n\n" +
			"赤壁砖茶师还参与茶文化研学和古镇旅游讲解，随着万里茶道文化交流活动的开展，青砖茶走向了更广阔的国际市场。一块块砖茶，连接着茶乡群众的生计，也延续着百年茶道的故事。",
		StoryEn: "Tea makers work in tea factories and guide visitors along the old Tea Road.",
	},
	{
		Slug: "yunyang-fangzhi-gong", NameZh: "郧阳纺织工", NameEn: "Yunyang Textile Workers",
		RegionCode: "420304", IndustryZh: "纺织服装", IndustryEn: "Textiles and garments",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 8000, WorkersExported: 1000, FoundedYear: 2017, TrademarkCount: 1, PatentCount: 2, CreditRating: "A",
		SummaryZh: "郧阳纺织工以纺纱、织造、服装缝制等工种为主，依托易地扶贫搬迁安置点附近的产业园和帮扶车间就业，让搬迁群众搬得出、稳得住、能致富。",
		SummaryEn: "Spinning and sewing jobs beside relocation settlements.",
		StoryZh: "郧阳有较多易地扶贫搬迁群众，稳就业是后续扶持的关键。当地在安置点周边引进纺织服装企业，建设帮扶车间，开展纺纱挡车、缝纫操作、质量检验等岗前培训。培训由企业派出技术员在车间现场授课。\n\n" +
			"企业实行计件工资和技能等级工资相结合，熟练工收入稳步提高。当地还为车间职工提供子女托管和通勤便利，帮助她们兼顾工作和家庭。车间还根据订单情况灵活排班，方便职工照顾家庭。\n\n" +
			"郧阳纺织工已成为当地搬迁群众就业的主要渠道之一，部分技术骨干被派往企业其他基地担任班组长，实现了从农民到产业工人的转变。安置点里，“楼上居住、楼下就业”已成为许多家庭的日常。",
		StoryEn: "Textile jobs next to the settlements turn resettled farmers into skilled factory workers.",
	},
	{
		Slug: "gucheng-qipei-gong", NameZh: "谷城汽配工",
		RegionCode: "420625", IndustryZh: "汽车零部件制造",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 10000, WorkersExported: 1500, FoundedYear: 2011, TrademarkCount: 1, PatentCount: 8, CreditRating: "AA",
		SummaryZh: "谷城汽配工从事汽车零部件、蓄电池和再生资源加工等制造业岗位，依托县域工业园区实现规模化就业，是带动山区群众转移就业的民生保障型品牌。",
		StoryZh: "谷城汽车零部件和再生资源产业基础较好，企业用工需求量大。当地技工学校和企业合作，针对农村转移劳动力开设机械加工、焊接、装配和安全生产等短期培训。培训内容根据企业岗位需求随时调整。\n\n" +
			"品牌以“培训一人、就业一人、致富一户”为目标，优先吸纳脱贫人口和农村留守劳动力，企业提供食宿和通勤班车，解决职工后顾之忧。园区还建设了职工公寓和食堂，为外地职工提供便利。\n\n" +
			"谷城汽配工在本地园区稳定就业，部分技术能手走上管理岗位，不少外出务工人员也因此选择返乡，实现了家门口就业。县域工业的发展，让许多家庭告别了常年两地分居的日子，老人有人照顾，孩子有人陪伴。",
	},
	{
		Slug: "suixian-xianggu-gong", NameZh: "随县香菇工", NameEn: "Sui County Mushroom Growers",
		RegionCode: "421321", IndustryZh: "食用菌种植加工", IndustryEn: "Mushroom growing and processing",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 20000, WorkersExported: 2000, FoundedYear: 2009, TrademarkCount: 4, PatentCount: 6, CreditRating: "AA",
		SummaryZh: "随县香菇工掌握香菇制棒、接种、出菇管理和烘干分级技能，在合作社、加工厂和外贸企业就业，是山区群众依托特色农业增收的民生保障型品牌。",
		SummaryEn: "Shiitake growers and packers in the hills of Sui County.",
		StoryZh: "随县香菇种植历史悠久，形成了从菌种、种植到加工出口的完整产业链。当地农技部门和企业联合开设食用菌栽培、病虫害防治、烘干加工等培训课程。培训多在菌棚和加工车间现场进行。\n\n" +
			"品牌推行“企业+合作社+农户”模式，企业提供菌棒和技术，农户负责出菇管理，合作社统一收购。加工企业还吸纳大量群众从事分拣、包装等工作。合作社按保护价收购，让农户种植有底气、收入有保障。\n\n" +
			"随县香菇工的技术服务队常年到省内外食用菌产区指导种植，香菇产品远销海外，小香菇成为山区群众增收的大产业。香菇产业链上的每一个环节，都为山区群众提供了实实在在的就业机会。",
		StoryEn: "Growers manage log cultures supplied by companies, and cooperatives and exporters buy the crop.",
	},
	{
		Slug: "tuanfeng-ganggou-gong", NameZh: "团风钢构工", NameEn: "Tuanfeng Steelworkers",
		RegionCode: "421121", IndustryZh: "钢结构制造安装", IndustryEn: "Steel structures",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 12000, WorkersExported: 6000, FoundedYear: 2010, TrademarkCount: 1, PatentCount: 10, CreditRating: "A",
		SummaryZh: "团风钢构工从事钢结构焊接、下料、组装和现场安装工作，服务桥梁、厂房和高层建筑项目，是县域钢结构产业带动群众就业的民生保障型品牌。",
		SummaryEn: "Welders and erectors for bridges, factories and high-rises.",
		StoryZh: "团风钢结构产业发展较早，形成了一定规模的产业集群。当地依托职业培训机构开设电焊工、铆工、起重工和高空作业安全等培训课程，推行持证上岗。学员大多是本地的农村青年和返乡人员。\n\n" +
			"品牌组织钢构企业与培训机构共建实训场，把真实构件加工引入课堂，并定期举办焊接技能比武，选拔技术能手担任培训教员。焊接比武的优胜者还有机会参加更高级别的技能竞赛。\n\n" +
			"团风钢构工跟随工程项目走向全国各地，参与了不少桥梁和厂房建设，也为本地农村劳动力提供了收入稳定的就业岗位。一根根钢梁、一座座厂房，记录着团风钢构工的汗水与技艺，也见证着他们收入的稳步增长。",
		StoryEn: "Steelworkers fabricate and erect structures on projects all over China.",
	},
	{
		Slug: "badong-kuaidi-yuan", NameZh: "巴东快递员", NameEn: "Badong Couriers",
		RegionCode: "422823", IndustryZh: "快递物流", IndustryEn: "Express delivery",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 2500, WorkersExported: 900, FoundedYear: 2020, TrademarkCount: 0, PatentCount: 0, CreditRating: "",
		SummaryZh: "巴东快递员服务县乡村三级物流体系，从事快件分拣、农村配送和农产品上行寄递工作，打通山区物流“最后一公里”，带动脱贫群众就业。",
		SummaryEn: "Couriers linking mountain villages to the rest of China.",
		StoryZh: "巴东地处三峡库区山地，农村物流长期是短板。当地整合快递企业资源建设县级分拨中心和村级服务站，组织脱贫群众参加分拣操作、安全驾驶、客户服务等培训。培训还特别强调山区道路行车安全知识。\n\n" +
			"品牌把农产品寄递作为重点，快递员学习农产品包装、冷链保鲜和电商售后知识，帮助农户把茶叶、柑橘、腊肉等特产寄往全国。服务站还代办缴费、代收代寄等便民业务，方便了山区群众生活。\n\n" +
			"巴东快递员穿行在山间公路上，既把城市的商品送进山村，也把山里的特产运出大山，成为山区群众身边的“致富快车”。快递员的工作虽然辛苦，却让他们在家门口有了一份稳定收入。",
		StoryEn: "Couriers deliver parcels to mountain villages and ship local tea, citrus and cured meat out.",
	},
	{
		Slug: "baokang-linkuang-gong", NameZh: "保康磷矿工", NameEn: "Baokang Phosphate Miners",
		RegionCode: "420626", IndustryZh: "矿山采选", IndustryEn: "Mining",
		Category: "LIVELIHOOD", Level: "COUNTY", InResourceLibrary: false, InGuidanceCatalogue: false,
		WorkersEmployed: 6000, WorkersExported: 800, FoundedYear: 2008, TrademarkCount: 0, PatentCount: 5, CreditRating: "A",
		SummaryZh: "保康磷矿工从事磷矿开采、选矿和矿山安全管理等工作，随着矿山智能化改造转向设备操作和运维岗位，是资源型地区稳定就业的民生保障型品牌。",
		SummaryEn: "Phosphate miners retraining as equipment operators.",
		StoryZh: "保康磷矿资源丰富，矿山企业是当地重要的就业渠道。随着绿色矿山和智能矿山建设推进，当地开设矿山机械操作、安全管理、设备运维、远程监控等培训课程，帮助矿工适应新技术。培训由企业与职业院校联合组织。\n\n" +
			"品牌把安全培训放在首位，矿工须通过安全资格考核方可下井作业，并定期参加应急演练。企业为转岗职工提供免费技能培训，帮助他们适应新岗位。安全生产经验丰富的老矿工被聘为兼职教员。\n\n" +
			"保康磷矿工正在从传统体力型向技能型转变，为资源型地区实现稳定就业和产业转型提供了支撑，也让矿区群众看到了新的职业前景。矿区的年轻人也越来越愿意留下来学技术。",
		StoryEn: "As mines are automated, miners retrain as equipment operators and maintainers.",
		Draft:   true,
	},
}
