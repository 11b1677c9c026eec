package seed

// coverageBrand holds the wording used to fill the coverage templates for one
// brand. Name must equal the brand's NameZh in DemoBrands so that reports can
// be found by searching for it (the tests check this).
type coverageBrand struct {
	Slug           string
	Name, NameEn   string
	Place, PlaceEn string // short place name as used in running text
	Trade, TradeEn string // the trade, e.g. 家政服务 / housekeeping
	Skill          string // the skills taught, a short list
	Origin         string // one sentence on why the brand grew there (no final 。)
	Dest           string // cities where its workers go, joined by 、
	Urban          bool   // an urban brand: skip templates about villages and coming home
	Factory        bool   // a factory trade: skip templates about handicraft and caring service
	Weight         int    // number of reports in which the brand comes first
}

// coverageBrands lists the brands that the demo reports are about, in the
// order in which they take turns. A few featured brands carry most of the
// coverage (and are the partners in reports about several brands); most
// brands appear in one to three reports.
var coverageBrands = []coverageBrand{
	{
		Slug: "hongan-dasao", Name: "红安大嫂", NameEn: "Hong'an Housekeepers",
		Place: "红安", PlaceEn: "Hong'an", Trade: "家政服务", TradeEn: "housekeeping",
		Skill:  "母婴护理、居家保洁和养老陪护",
		Origin: "红安地处大别山南麓，过去不少妇女只能在家务农，农闲时缺少稳定收入",
		Dest:   "武汉、深圳、上海", Weight: 13,
	},
	{
		Slug: "qianjiang-longxia-shi", Name: "潜江龙虾师", NameEn: "Qianjiang Crayfish Chefs",
		Place: "潜江", PlaceEn: "Qianjiang", Trade: "龙虾餐饮", TradeEn: "crayfish cooking",
		Skill:  "小龙虾烹饪调味、门店运营和冷链加工",
		Origin: "潜江较早推广稻虾共作模式，小龙虾产业链从田间一直延伸到餐桌",
		Dest:   "北京、上海、广州、成都", Weight: 11,
	},
	{
		Slug: "enshi-xicha-shi", Name: "恩施硒茶师", NameEn: "Enshi Selenium Tea Masters",
		Place: "恩施", PlaceEn: "Enshi", Trade: "茶叶加工", TradeEn: "tea making",
		Skill:  "茶园管理、蒸青制茶、评茶和茶艺",
		Origin: "恩施山高雾多，富含硒元素的土壤孕育了独特的茶叶品质，种茶制茶是山里人家的传统",
		Dest:   "杭州、福州、武汉", Weight: 10,
	},
	{
		Slug: "wuhan-guanggu-it-gong", Name: "武汉光谷IT工", NameEn: "Optics Valley IT Technicians",
		Place: "武汉光谷", PlaceEn: "Wuhan's Optics Valley", Trade: "信息技术服务", TradeEn: "IT services",
		Skill:  "软件开发、集成电路测试和云计算运维",
		Origin: "光谷聚集了大量光电子信息和软件企业，周边高校每年培养出众多相关专业的毕业生",
		Dest:   "武汉、深圳、杭州", Urban: true, Factory: true, Weight: 9,
	},
	{
		Slug: "shiyan-qiche-gong", Name: "十堰汽车工", NameEn: "Shiyan Auto Workers",
		Place: "十堰", PlaceEn: "Shiyan", Trade: "汽车制造", TradeEn: "car making",
		Skill:  "整车装配、焊接、涂装和检测维修",
		Origin: "十堰因车而兴，几代产业工人在商用车整车和零部件制造中积累了深厚的技能传统",
		Dest:   "襄阳、武汉、广州", Urban: true, Factory: true, Weight: 8,
	},
	{
		Slug: "qichun-aijiu-shi", Name: "蕲春艾灸师", NameEn: "Qichun Moxibustion Practitioners",
		Place: "蕲春", PlaceEn: "Qichun", Trade: "艾灸康养", TradeEn: "moxibustion",
		Skill:  "艾灸调理、养生保健和门店经营",
		Origin: "蕲春是蕲艾的主要产地，种艾、制艾、用艾的传统由来已久",
		Dest:   "武汉、长沙、广州", Weight: 5,
	},
	{
		Slug: "zigui-qicheng-shi", Name: "秭归脐橙师", NameEn: "Zigui Navel Orange Growers",
		Place: "秭归", PlaceEn: "Zigui", Trade: "脐橙种植", TradeEn: "navel orange growing",
		Skill:  "脐橙栽培、修剪嫁接、采后处理和电商销售",
		Origin: "秭归地处三峡库区，山坡上层层叠叠的果园是许多家庭的主要收入来源",
		Dest:   "宜昌、重庆、广西", Weight: 4,
	},
	{
		Slug: "xiantao-huli-yuan", Name: "仙桃护理员", NameEn: "Xiantao Carers",
		Place: "仙桃", PlaceEn: "Xiantao", Trade: "养老护理", TradeEn: "elderly care",
		Skill:  "生活照料、医院陪护和康复护理",
		Origin: "仙桃较早开展护理员规范化培训，当地护理人员以细心、耐心著称",
		Dest:   "武汉、北京、天津", Weight: 4,
	},
	{
		Slug: "huangmei-tiaohua-nv", Name: "黄梅挑花女", NameEn: "Huangmei Cross-Stitch Women",
		Place: "黄梅", PlaceEn: "Huangmei", Trade: "挑花刺绣", TradeEn: "cross-stitch embroidery",
		Skill:  "十字挑花针法、图案设计和文创产品制作",
		Origin: "黄梅挑花是流传已久的民间刺绣技艺，图案多取材于日常生活和民间故事",
		Dest:   "武汉、北京、上海", Weight: 4,
	},
	{
		Slug: "daye-yinzu-gujian-gong", Name: "大冶殷祖古建工", NameEn: "Yinzu Heritage Builders",
		Place: "大冶殷祖", PlaceEn: "Yinzu in Daye", Trade: "古建筑营造", TradeEn: "traditional building",
		Skill:  "木作、瓦作、石作和彩绘",
		Origin: "殷祖一带的工匠世代从事古建营造，师徒相传的手艺延续至今",
		Dest:   "北京、江西、浙江", Weight: 3,
	},
	{
		Slug: "suizhou-zhuanqi-gong", Name: "随州专汽工", NameEn: "Suizhou Special Vehicle Builders",
		Place: "随州", PlaceEn: "Suizhou", Trade: "专用汽车制造", TradeEn: "special vehicle building",
		Skill:  "焊接、钣金、电气装配和整车调试",
		Origin: "随州专用汽车企业聚集，形成了从底盘改装到上装制造的产业集群",
		Dest:   "随州、十堰、襄阳", Factory: true, Weight: 2,
	},
	{
		Slug: "jianli-jianzhu-gong", Name: "监利建筑工", NameEn: "Jianli Builders",
		Place: "监利", PlaceEn: "Jianli", Trade: "建筑施工", TradeEn: "construction",
		Skill:  "钢筋、木工、砌筑和装饰装修",
		Origin: "监利人组团外出从事建筑施工的历史悠久，“跟着师傅学、带着老乡干”是许多家庭的谋生方式",
		Dest:   "武汉、上海、深圳", Factory: true, Weight: 2,
	},
	{
		Slug: "ezhou-wuliu-gong", Name: "鄂州物流工", NameEn: "Ezhou Logistics Workers",
		Place: "鄂州", PlaceEn: "Ezhou", Trade: "航空物流", TradeEn: "air-cargo logistics",
		Skill:  "仓储分拣、装卸搬运和冷链配送",
		Origin: "鄂州建成航空货运枢纽后，临空经济区对物流技能人才的需求快速增长",
		Dest:   "鄂州、武汉、黄石", Factory: true, Weight: 2,
	},
	{
		Slug: "jingmen-lidian-gong", Name: "荆门锂电工", NameEn: "Jingmen Battery Technicians",
		Place: "荆门", PlaceEn: "Jingmen", Trade: "新能源电池制造", TradeEn: "battery making",
		Skill:  "材料合成、电芯生产、设备维护和质量检测",
		Origin: "荆门新能源电池材料和电池制造企业不断聚集，新岗位对技能人才提出了新要求",
		Dest:   "荆门、宜昌、常州", Factory: true, Weight: 2,
	},
	{
		Slug: "xiaochang-fuzhuang-gong", Name: "孝昌服装工", NameEn: "Xiaochang Garment Workers",
		Place: "孝昌", PlaceEn: "Xiaochang", Trade: "服装制造", TradeEn: "garment making",
		Skill:  "缝纫、裁剪、整烫和质检",
		Origin: "孝昌把服装加工车间建到县城产业园和村头，留守妇女可以一边顾家一边挣钱",
		Dest:   "孝昌、孝感、武汉", Factory: true, Weight: 2,
	},
	{
		Slug: "yunxi-jiazheng-sao", Name: "郧西家政嫂", NameEn: "Yunxi Home Helpers",
		Place: "郧西", PlaceEn: "Yunxi", Trade: "家政服务", TradeEn: "housekeeping",
		Skill:  "保洁收纳、母婴护理和老人照护",
		Origin: "郧西位于秦巴山区，山区妇女和易地搬迁群众过去外出就业的渠道比较有限",
		Dest:   "武汉、十堰、北京", Weight: 3,
	},
	{
		Slug: "tianmen-zhengcai-shi", Name: "天门蒸菜师", NameEn: "Tianmen Steamed-Dish Chefs",
		Place: "天门", PlaceEn: "Tianmen", Trade: "蒸菜烹饪", TradeEn: "steamed-dish cooking",
		Skill:  "粉蒸、清蒸、炮蒸等蒸菜技法",
		Origin: "天门素有“无菜不蒸”的饮食传统，蒸菜手艺在民间代代相传",
		Dest:   "武汉、北京、广州", Weight: 3,
	},
	{
		Slug: "macheng-shicai-gong", Name: "麻城石材工", NameEn: "Macheng Stoneworkers",
		Place: "麻城", PlaceEn: "Macheng", Trade: "石材加工", TradeEn: "stone processing",
		Skill:  "石材切割、磨光、雕刻和安装",
		Origin: "麻城花岗岩资源丰富，石材加工是当地的重要产业",
		Dest:   "麻城、武汉、厦门", Factory: true, Weight: 2,
	},
	{
		Slug: "xiangyang-zhoucheng-gong", Name: "襄阳轴承工", NameEn: "Xiangyang Bearing Machinists",
		Place: "襄阳", PlaceEn: "Xiangyang", Trade: "轴承制造", TradeEn: "bearing making",
		Skill:  "数控车削、磨削加工、精密检测和装配调试",
		Origin: "襄阳轴承和精密零部件制造有着较好的产业基础，形成了一批熟练技工队伍",
		Dest:   "襄阳、武汉、十堰", Urban: true, Factory: true, Weight: 2,
	},
	{
		Slug: "zhijiang-huagong-shi", Name: "枝江化工师", NameEn: "Zhijiang Chemical Operators",
		Place: "枝江", PlaceEn: "Zhijiang", Trade: "精细化工", TradeEn: "fine chemicals",
		Skill:  "化工总控、仪表维护和安全环保",
		Origin: "枝江沿江化工企业加快转型升级，对懂工艺、守安全的操作人员需求旺盛",
		Dest:   "枝江、宜昌、荆州", Factory: true, Weight: 1,
	},
	{
		Slug: "tianmen-yiyao-gong", Name: "天门医药工", NameEn: "Tianmen Pharma Technicians",
		Place: "天门", PlaceEn: "Tianmen", Trade: "生物医药", TradeEn: "pharmaceuticals",
		Skill:  "药物制剂、质量检验和洁净车间操作",
		Origin: "天门医药产业园近年来引进了一批原料药和制剂企业，带来了大量技术岗位",
		Dest:   "天门、武汉、仙桃", Factory: true, Weight: 1,
	},
	{
		Slug: "hanchuan-shukong-gong", Name: "汉川数控工", NameEn: "Hanchuan CNC Machinists",
		Place: "汉川", PlaceEn: "Hanchuan", Trade: "数控加工", TradeEn: "CNC machining",
		Skill:  "数控车铣、加工中心编程和机械装配",
		Origin: "汉川装备制造和纺织机械企业较多，数控技工一直是当地的紧缺人才",
		Dest:   "汉川、武汉、东莞", Factory: true, Weight: 1,
	},
	{
		Slug: "guangshui-fengji-gong", Name: "广水风机工", NameEn: "Guangshui Fan Makers",
		Place: "广水", PlaceEn: "Guangshui", Trade: "风机制造", TradeEn: "industrial fan making",
		Skill:  "钣金成型、焊接、动平衡调试和安装维保",
		Origin: "广水风机产业起步早，形成了从零部件到整机的完整配套",
		Dest:   "广水、武汉、郑州", Factory: true, Weight: 1,
	},
	{
		Slug: "jingshan-zhuangbei-gong", Name: "京山装备工", NameEn: "Jingshan Machinery Fitters",
		Place: "京山", PlaceEn: "Jingshan", Trade: "包装机械制造", TradeEn: "packaging machinery",
		Skill:  "机械装配、电气调试、焊接和设备安装",
		Origin: "京山包装机械和智能装备企业聚集，县域制造业对技术工人的需求持续增长",
		Dest:   "京山、武汉、苏州", Factory: true, Weight: 1,
	},
	{
		Slug: "huangpi-yuesao", Name: "黄陂月嫂", NameEn: "Huangpi Maternity Nurses",
		Place: "黄陂", PlaceEn: "Huangpi", Trade: "母婴护理", TradeEn: "maternity care",
		Skill:  "产妇护理、新生儿照护和月子餐制作",
		Origin: "黄陂紧邻武汉城区，城市家庭对专业母婴护理的需求给当地妇女带来了就业机会",
		Dest:   "武汉、孝感、鄂州", Weight: 2,
	},
	{
		Slug: "xianning-wenquan-kangyang-shi", Name: "咸宁温泉康养师", NameEn: "Xianning Hot-Spring Wellness Staff",
		Place: "咸宁", PlaceEn: "Xianning", Trade: "温泉康养", TradeEn: "hot-spring wellness",
		Skill:  "温泉理疗、康复保健和健康管理",
		Origin: "咸宁温泉资源丰富，康养旅游的兴起带动了相关服务岗位增长",
		Dest:   "咸宁、武汉、长沙", Weight: 2,
	},
	{
		Slug: "xiaonan-renli-ziyuan-shi", Name: "孝南人力资源师", NameEn: "Xiaonan HR Service Specialists",
		Place: "孝南", PlaceEn: "Xiaonan", Trade: "人力资源服务", TradeEn: "HR services",
		Skill:  "招聘对接、劳务派遣、职业指导和灵活用工管理",
		Origin: "孝南地处武汉城市圈，企业招工和群众求职都需要专业的人力资源服务",
		Dest:   "孝感、武汉", Urban: true, Factory: true, Weight: 1,
	},
	{
		Slug: "zhongxiang-kangyang-shi", Name: "钟祥康养师", NameEn: "Zhongxiang Elder-Care Workers",
		Place: "钟祥", PlaceEn: "Zhongxiang", Trade: "养老服务", TradeEn: "elderly care",
		Skill:  "养老照护、健康管理和膳食调理",
		Origin: "钟祥素有长寿之乡的美誉，养生文化为康养服务提供了独特优势",
		Dest:   "钟祥、荆门、武汉", Weight: 2,
	},
	{
		Slug: "jingzhou-yugao-shi", Name: "荆州鱼糕师", NameEn: "Jingzhou Fish-Cake Cooks",
		Place: "荆州", PlaceEn: "Jingzhou", Trade: "鱼糕制作", TradeEn: "fish-cake making",
		Skill:  "选鱼、制浆、蒸制和切配",
		Origin: "荆州河湖众多、淡水鱼资源丰富，鱼糕是当地宴席上必不可少的传统菜品",
		Dest:   "荆州、武汉、长沙", Weight: 2,
	},
	{
		Slug: "wuchang-hanxiu-niang", Name: "武昌汉绣娘", NameEn: "Wuchang Han Embroiderers",
		Place: "武昌", PlaceEn: "Wuchang", Trade: "汉绣", TradeEn: "Han embroidery",
		Skill:  "汉绣针法、配色和文创产品设计",
		Origin: "汉绣是武汉地区流传已久的刺绣技艺，以色彩浓艳、针法多变见长",
		Dest:   "武汉、北京、成都", Urban: true, Weight: 2,
	},
	{
		Slug: "jingzhou-qiyi-jiang", Name: "荆州漆艺匠", NameEn: "Jingzhou Lacquer Artisans",
		Place: "荆州", PlaceEn: "Jingzhou", Trade: "漆器髹饰", TradeEn: "lacquerware",
		Skill:  "制胎、髹漆、彩绘和打磨",
		Origin: "荆州是楚文化的重要发祥地，楚式漆器工艺源远流长",
		Dest:   "荆州、武汉、北京", Weight: 2,
	},
	{
		Slug: "laifeng-xilankapu-zhiniang", Name: "来凤西兰卡普织娘", NameEn: "Laifeng Tujia Brocade Weavers",
		Place: "来凤", PlaceEn: "Laifeng", Trade: "土家织锦", TradeEn: "Tujia brocade weaving",
		Skill:  "腰机挑织、传统纹样设计和织锦文创制作",
		Origin: "西兰卡普是土家族传统织锦，过去家家户户的姑娘都要学织",
		Dest:   "恩施、张家界、武汉", Weight: 2,
	},
	{
		Slug: "yangxin-butie-niang", Name: "阳新布贴娘", NameEn: "Yangxin Appliqué Makers",
		Place: "阳新", PlaceEn: "Yangxin", Trade: "布贴手工艺", TradeEn: "folk appliqué",
		Skill:  "碎布拼贴、刺绣缝制和童帽肚兜制作",
		Origin: "阳新布贴是流传于民间的传统手艺，母亲为孩子缝制的童帽、肚兜寄托着美好祝愿",
		Dest:   "阳新、黄石、武汉", Weight: 1,
	},
	{
		Slug: "luotian-minsu-guanjia", Name: "罗田民宿管家", NameEn: "Luotian Guesthouse Hosts",
		Place: "罗田", PlaceEn: "Luotian", Trade: "乡村旅游", TradeEn: "rural tourism",
		Skill:  "民宿运营、客房服务、农家菜烹饪和旅游讲解",
		Origin: "罗田山水秀美，大别山乡村旅游升温后，民宿成为返乡青年创业的热门选择",
		Dest:   "罗田、英山、武汉", Weight: 2,
	},
	{
		Slug: "shennongjia-shanye-xiangdao", Name: "神农架山野向导", NameEn: "Shennongjia Mountain Guides",
		Place: "神农架", PlaceEn: "Shennongjia", Trade: "生态旅游", TradeEn: "eco-tourism",
		Skill:  "徒步向导、自然教育、生态讲解和户外安全",
		Origin: "神农架林区森林茂密、物种丰富，生态旅游为当地居民提供了新的就业方向",
		Dest:   "神农架、宜昌、十堰", Weight: 2,
	},
	{
		Slug: "fangxian-huangjiu-shi", Name: "房县黄酒师", NameEn: "Fang County Rice-Wine Brewers",
		Place: "房县", PlaceEn: "Fang County", Trade: "黄酒酿造", TradeEn: "rice-wine brewing",
		Skill:  "选米、制曲、发酵和储存",
		Origin: "房县民间酿造黄酒的历史悠久，几乎家家都会酿上几坛",
		Dest:   "房县、十堰、武汉", Weight: 2,
	},
	{
		Slug: "yingshan-chayi-shi", Name: "英山茶艺师", NameEn: "Yingshan Tea Artists",
		Place: "英山", PlaceEn: "Yingshan", Trade: "茶艺服务", TradeEn: "tea service",
		Skill:  "茶叶冲泡、茶艺表演、茶叶审评和茶馆经营",
		Origin: "英山是大别山区的重要产茶县，茶园遍布山间",
		Dest:   "武汉、合肥、南京", Weight: 2,
	},
	{
		Slug: "zhushan-lvsongshi-diaoke-shi", Name: "竹山绿松石雕刻师", NameEn: "Zhushan Turquoise Carvers",
		Place: "竹山", PlaceEn: "Zhushan", Trade: "绿松石雕刻", TradeEn: "turquoise carving",
		Skill:  "绿松石选料、切割、雕刻、抛光和镶嵌",
		Origin: "竹山绿松石资源丰富，雕刻加工成为秦巴山区群众的一条增收门路",
		Dest:   "竹山、十堰、深圳", Weight: 2,
	},
	{
		Slug: "chibi-zhuancha-shi", Name: "赤壁砖茶师", NameEn: "Chibi Brick-Tea Makers",
		Place: "赤壁", PlaceEn: "Chibi", Trade: "青砖茶制作", TradeEn: "brick-tea making",
		Skill:  "渥堆发酵、压制成型和烘干陈化",
		Origin: "赤壁羊楼洞一带制作青砖茶的历史悠久，曾是万里茶道上的重要茶源地",
		Dest:   "赤壁、咸宁、武汉", Weight: 2,
	},
	{
		Slug: "yunyang-fangzhi-gong", Name: "郧阳纺织工", NameEn: "Yunyang Textile Workers",
		Place: "郧阳", PlaceEn: "Yunyang", Trade: "纺织服装", TradeEn: "textiles",
		Skill:  "纺纱、织造和服装缝制",
		Origin: "郧阳在易地扶贫搬迁安置点附近建起产业园和帮扶车间，让搬迁群众就近上班",
		Dest:   "郧阳、十堰", Factory: true, Weight: 1,
	},
	{
		Slug: "gucheng-qipei-gong", Name: "谷城汽配工", NameEn: "Gucheng Auto Parts Workers",
		Place: "谷城", PlaceEn: "Gucheng", Trade: "汽车零部件制造", TradeEn: "auto parts making",
		Skill:  "零部件加工、蓄电池生产和质量检验",
		Origin: "谷城县域工业园区聚集了一批汽车零部件企业，为山区群众提供了大量岗位",
		Dest:   "谷城、襄阳、十堰", Factory: true, Weight: 1,
	},
	{
		Slug: "suixian-xianggu-gong", Name: "随县香菇工", NameEn: "Sui County Mushroom Growers",
		Place: "随县", PlaceEn: "Sui County", Trade: "香菇种植加工", TradeEn: "mushroom growing",
		Skill:  "香菇制棒、接种、出菇管理和烘干分级",
		Origin: "随县山区气候适宜，香菇种植和加工是许多农户的主要收入来源",
		Dest:   "随县、随州、武汉", Weight: 2,
	},
	{
		Slug: "tuanfeng-ganggou-gong", Name: "团风钢构工", NameEn: "Tuanfeng Steelworkers",
		Place: "团风", PlaceEn: "Tuanfeng", Trade: "钢结构制造安装", TradeEn: "steel structures",
		Skill:  "钢结构焊接、下料、组装和现场安装",
		Origin: "团风钢结构产业发展较快，从工厂制造到现场安装都需要大量技术工人",
		Dest:   "武汉、南京、成都", Factory: true, Weight: 1,
	},
	{
		Slug: "badong-kuaidi-yuan", Name: "巴东快递员", NameEn: "Badong Couriers",
		Place: "巴东", PlaceEn: "Badong", Trade: "快递物流", TradeEn: "express delivery",
		Skill:  "快件分拣、农村配送和农产品寄递",
		Origin: "巴东山高路远，县乡村三级物流体系建起来后，山里的农产品也能快速寄出去",
		Dest:   "巴东、恩施、宜昌", Weight: 1,
	},
}
