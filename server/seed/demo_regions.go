package seed

// DemoRegions is Hubei province, its 17 prefecture-level divisions and a
// selection of counties, county-level cities and districts, keyed by their
// official GB/T 2260 codes. Coordinates are approximate seats of government.
var DemoRegions = []RegionSeed{
	{Code: "420000", ParentCode: "", NameZh: "湖北省", NameEn: "Hubei", Level: "PROVINCE", Lat: 30.593, Lng: 114.305},

	// Prefecture-level cities, the autonomous prefecture and the directly administered units.
	{Code: "420100", ParentCode: "420000", NameZh: "武汉市", NameEn: "Wuhan", Level: "PREFECTURE", Lat: 30.593, Lng: 114.305},
	{Code: "420200", ParentCode: "420000", NameZh: "黄石市", NameEn: "Huangshi", Level: "PREFECTURE", Lat: 30.200, Lng: 115.039},
	{Code: "420300", ParentCode: "420000", NameZh: "十堰市", NameEn: "Shiyan", Level: "PREFECTURE", Lat: 32.629, Lng: 110.798},
	{Code: "420500", ParentCode: "420000", NameZh: "宜昌市", NameEn: "Yichang", Level: "PREFECTURE", Lat: 30.692, Lng: 111.286},
	{Code: "420600", ParentCode: "420000", NameZh: "襄阳市", NameEn: "Xiangyang", Level: "PREFECTURE", Lat: 32.009, Lng: 112.122},
	{Code: "420700", ParentCode: "420000", NameZh: "鄂州市", NameEn: "Ezhou", Level: "PREFECTURE", Lat: 30.391, Lng: 114.895},
	{Code: "420800", ParentCode: "420000", NameZh: "荆门市", NameEn: "Jingmen", Level: "PREFECTURE", Lat: 31.035, Lng: 112.199},
	{Code: "420900", ParentCode: "420000", NameZh: "孝感市", NameEn: "Xiaogan", Level: "PREFECTURE", Lat: 30.924, Lng: 113.917},
	{Code: "421000", ParentCode: "420000", NameZh: "荆州市", NameEn: "Jingzhou", Level: "PREFECTURE", Lat: 30.335, Lng: 112.240},
	{Code: "421100", ParentCode: "420000", NameZh: "黄冈市", NameEn: "Huanggang", Level: "PREFECTURE", Lat: 30.453, Lng: 114.872},
	{Code: "421200", ParentCode: "420000", NameZh: "咸宁市", NameEn: "Xianning", Level: "PREFECTURE", Lat: 29.841, Lng: 114.322},
	{Code: "421300", ParentCode: "420000", NameZh: "随州市", NameEn: "Suizhou", Level: "PREFECTURE", Lat: 31.690, Lng: 113.383},
	{Code: "422800", ParentCode: "420000", NameZh: "恩施土家族苗族自治州", NameEn: "Enshi Tujia and Miao Autonomous Prefecture", Level: "PREFECTURE", Lat: 30.272, Lng: 109.488},
	{Code: "429004", ParentCode: "420000", NameZh: "仙桃市", NameEn: "Xiantao", Level: "PREFECTURE", Lat: 30.362, Lng: 113.454},
	{Code: "429005", ParentCode: "420000", NameZh: "潜江市", NameEn: "Qianjiang", Level: "PREFECTURE", Lat: 30.402, Lng: 112.900},
	{Code: "429006", ParentCode: "420000", NameZh: "天门市", NameEn: "Tianmen", Level: "PREFECTURE", Lat: 30.663, Lng: 113.166},
	{Code: "429021", ParentCode: "420000", NameZh: "神农架林区", NameEn: "Shennongjia Forestry District", Level: "PREFECTURE", Lat: 31.745, Lng: 110.676},

	// Wuhan
	{Code: "420102", ParentCode: "420100", NameZh: "江岸区", NameEn: "Jiang'an District", Level: "COUNTY", Lat: 30.600, Lng: 114.309},
	{Code: "420106", ParentCode: "420100", NameZh: "武昌区", NameEn: "Wuchang District", Level: "COUNTY", Lat: 30.554, Lng: 114.316},
	{Code: "420111", ParentCode: "420100", NameZh: "洪山区", NameEn: "Hongshan District", Level: "COUNTY", Lat: 30.500, Lng: 114.344},
	{Code: "420114", ParentCode: "420100", NameZh: "蔡甸区", NameEn: "Caidian District", Level: "COUNTY", Lat: 30.582, Lng: 114.029},
	{Code: "420115", ParentCode: "420100", NameZh: "江夏区", NameEn: "Jiangxia District", Level: "COUNTY", Lat: 30.375, Lng: 114.321},
	{Code: "420116", ParentCode: "420100", NameZh: "黄陂区", NameEn: "Huangpi District", Level: "COUNTY", Lat: 30.882, Lng: 114.375},
	{Code: "420117", ParentCode: "420100", NameZh: "新洲区", NameEn: "Xinzhou District", Level: "COUNTY", Lat: 30.842, Lng: 114.801},

	// Huangshi
	{Code: "420222", ParentCode: "420200", NameZh: "阳新县", NameEn: "Yangxin County", Level: "COUNTY", Lat: 29.830, Lng: 115.215},
	{Code: "420281", ParentCode: "420200", NameZh: "大冶市", NameEn: "Daye", Level: "COUNTY", Lat: 30.096, Lng: 114.980},

	// Shiyan
	{Code: "420304", ParentCode: "420300", NameZh: "郧阳区", NameEn: "Yunyang District", Level: "COUNTY", Lat: 32.835, Lng: 110.812},
	{Code: "420322", ParentCode: "420300", NameZh: "郧西县", NameEn: "Yunxi County", Level: "COUNTY", Lat: 32.993, Lng: 110.426},
	{Code: "420323", ParentCode: "420300", NameZh: "竹山县", NameEn: "Zhushan County", Level: "COUNTY", Lat: 32.225, Lng: 110.229},
	{Code: "420324", ParentCode: "420300", NameZh: "竹溪县", NameEn: "Zhuxi County", Level: "COUNTY", Lat: 32.319, Lng: 109.715},
	{Code: "420325", ParentCode: "420300", NameZh: "房县", NameEn: "Fang County", Level: "COUNTY", Lat: 32.057, Lng: 110.726},
	{Code: "420381", ParentCode: "420300", NameZh: "丹江口市", NameEn: "Danjiangkou", Level: "COUNTY", Lat: 32.540, Lng: 111.513},

	// Yichang
	{Code: "420506", ParentCode: "420500", NameZh: "夷陵区", NameEn: "Yiling District", Level: "COUNTY", Lat: 30.770, Lng: 111.326},
	{Code: "420526", ParentCode: "420500", NameZh: "兴山县", NameEn: "Xingshan County", Level: "COUNTY", Lat: 31.348, Lng: 110.747},
	{Code: "420527", ParentCode: "420500", NameZh: "秭归县", NameEn: "Zigui County", Level: "COUNTY", Lat: 30.826, Lng: 110.978},
	{Code: "420528", ParentCode: "420500", NameZh: "长阳土家族自治县", NameEn: "Changyang Tujia Autonomous County", Level: "COUNTY", Lat: 30.472, Lng: 111.207},
	{Code: "420529", ParentCode: "420500", NameZh: "五峰土家族自治县", NameEn: "Wufeng Tujia Autonomous County", Level: "COUNTY", Lat: 30.200, Lng: 110.675},
	{Code: "420581", ParentCode: "420500", NameZh: "宜都市", NameEn: "Yidu", Level: "COUNTY", Lat: 30.378, Lng: 111.450},
	{Code: "420582", ParentCode: "420500", NameZh: "当阳市", NameEn: "Dangyang", Level: "COUNTY", Lat: 30.821, Lng: 111.788},
	{Code: "420583", ParentCode: "420500", NameZh: "枝江市", NameEn: "Zhijiang", Level: "COUNTY", Lat: 30.426, Lng: 111.760},

	// Xiangyang
	{Code: "420607", ParentCode: "420600", NameZh: "襄州区", NameEn: "Xiangzhou District", Level: "COUNTY", Lat: 32.087, Lng: 112.211},
	{Code: "420624", ParentCode: "420600", NameZh: "南漳县", NameEn: "Nanzhang County", Level: "COUNTY", Lat: 31.774, Lng: 111.839},
	{Code: "420625", ParentCode: "420600", NameZh: "谷城县", NameEn: "Gucheng County", Level: "COUNTY", Lat: 32.263, Lng: 111.653},
	{Code: "420626", ParentCode: "420600", NameZh: "保康县", NameEn: "Baokang County", Level: "COUNTY", Lat: 31.878, Lng: 111.262},
	{Code: "420682", ParentCode: "420600", NameZh: "老河口市", NameEn: "Laohekou", Level: "COUNTY", Lat: 32.359, Lng: 111.683},
	{Code: "420683", ParentCode: "420600", NameZh: "枣阳市", NameEn: "Zaoyang", Level: "COUNTY", Lat: 32.129, Lng: 112.772},
	{Code: "420684", ParentCode: "420600", NameZh: "宜城市", NameEn: "Yicheng", Level: "COUNTY", Lat: 31.720, Lng: 112.258},

	// Ezhou
	{Code: "420702", ParentCode: "420700", NameZh: "梁子湖区", NameEn: "Liangzihu District", Level: "COUNTY", Lat: 30.100, Lng: 114.685},
	{Code: "420704", ParentCode: "420700", NameZh: "鄂城区", NameEn: "Echeng District", Level: "COUNTY", Lat: 30.400, Lng: 114.891},

	// Jingmen
	{Code: "420822", ParentCode: "420800", NameZh: "沙洋县", NameEn: "Shayang County", Level: "COUNTY", Lat: 30.709, Lng: 112.588},
	{Code: "420881", ParentCode: "420800", NameZh: "钟祥市", NameEn: "Zhongxiang", Level: "COUNTY", Lat: 31.168, Lng: 112.588},
	{Code: "420882", ParentCode: "420800", NameZh: "京山市", NameEn: "Jingshan", Level: "COUNTY", Lat: 31.018, Lng: 113.119},

	// Xiaogan
	{Code: "420902", ParentCode: "420900", NameZh: "孝南区", NameEn: "Xiaonan District", Level: "COUNTY", Lat: 30.917, Lng: 113.910},
	{Code: "420921", ParentCode: "420900", NameZh: "孝昌县", NameEn: "Xiaochang County", Level: "COUNTY", Lat: 31.258, Lng: 113.998},
	{Code: "420922", ParentCode: "420900", NameZh: "大悟县", NameEn: "Dawu County", Level: "COUNTY", Lat: 31.562, Lng: 114.127},
	{Code: "420923", ParentCode: "420900", NameZh: "云梦县", NameEn: "Yunmeng County", Level: "COUNTY", Lat: 31.021, Lng: 113.753},
	{Code: "420981", ParentCode: "420900", NameZh: "应城市", NameEn: "Yingcheng", Level: "COUNTY", Lat: 30.928, Lng: 113.573},
	{Code: "420982", ParentCode: "420900", NameZh: "安陆市", NameEn: "Anlu", Level: "COUNTY", Lat: 31.255, Lng: 113.689},
	{Code: "420984", ParentCode: "420900", NameZh: "汉川市", NameEn: "Hanchuan", Level: "COUNTY", Lat: 30.661, Lng: 113.839},

	// Jingzhou
	{Code: "421022", ParentCode: "421000", NameZh: "公安县", NameEn: "Gong'an County", Level: "COUNTY", Lat: 30.058, Lng: 112.230},
	{Code: "421024", ParentCode: "421000", NameZh: "江陵县", NameEn: "Jiangling County", Level: "COUNTY", Lat: 30.042, Lng: 112.425},
	{Code: "421081", ParentCode: "421000", NameZh: "石首市", NameEn: "Shishou", Level: "COUNTY", Lat: 29.721, Lng: 112.426},
	{Code: "421083", ParentCode: "421000", NameZh: "洪湖市", NameEn: "Honghu", Level: "COUNTY", Lat: 29.827, Lng: 113.476},
	{Code: "421087", ParentCode: "421000", NameZh: "松滋市", NameEn: "Songzi", Level: "COUNTY", Lat: 30.170, Lng: 111.767},
	{Code: "421088", ParentCode: "421000", NameZh: "监利市", NameEn: "Jianli", Level: "COUNTY", Lat: 29.840, Lng: 112.905},

	// Huanggang
	{Code: "421102", ParentCode: "421100", NameZh: "黄州区", NameEn: "Huangzhou District", Level: "COUNTY", Lat: 30.434, Lng: 114.880},
	{Code: "421121", ParentCode: "421100", NameZh: "团风县", NameEn: "Tuanfeng County", Level: "COUNTY", Lat: 30.643, Lng: 114.872},
	{Code: "421122", ParentCode: "421100", NameZh: "红安县", NameEn: "Hong'an County", Level: "COUNTY", Lat: 31.288, Lng: 114.618},
	{Code: "421123", ParentCode: "421100", NameZh: "罗田县", NameEn: "Luotian County", Level: "COUNTY", Lat: 30.783, Lng: 115.399},
	{Code: "421124", ParentCode: "421100", NameZh: "英山县", NameEn: "Yingshan County", Level: "COUNTY", Lat: 30.735, Lng: 115.681},
	{Code: "421125", ParentCode: "421100", NameZh: "浠水县", NameEn: "Xishui County", Level: "COUNTY", Lat: 30.452, Lng: 115.265},
	{Code: "421126", ParentCode: "421100", NameZh: "蕲春县", NameEn: "Qichun County", Level: "COUNTY", Lat: 30.226, Lng: 115.437},
	{Code: "421127", ParentCode: "421100", NameZh: "黄梅县", NameEn: "Huangmei County", Level: "COUNTY", Lat: 30.070, Lng: 115.944},
	{Code: "421181", ParentCode: "421100", NameZh: "麻城市", NameEn: "Macheng", Level: "COUNTY", Lat: 31.173, Lng: 115.008},
	{Code: "421182", ParentCode: "421100", NameZh: "武穴市", NameEn: "Wuxue", Level: "COUNTY", Lat: 29.845, Lng: 115.561},

	// Xianning
	{Code: "421202", ParentCode: "421200", NameZh: "咸安区", NameEn: "Xian'an District", Level: "COUNTY", Lat: 29.853, Lng: 114.299},
	{Code: "421221", ParentCode: "421200", NameZh: "嘉鱼县", NameEn: "Jiayu County", Level: "COUNTY", Lat: 29.971, Lng: 113.939},
	{Code: "421222", ParentCode: "421200", NameZh: "通城县", NameEn: "Tongcheng County", Level: "COUNTY", Lat: 29.245, Lng: 113.816},
	{Code: "421223", ParentCode: "421200", NameZh: "崇阳县", NameEn: "Chongyang County", Level: "COUNTY", Lat: 29.556, Lng: 114.040},
	{Code: "421224", ParentCode: "421200", NameZh: "通山县", NameEn: "Tongshan County", Level: "COUNTY", Lat: 29.606, Lng: 114.482},
	{Code: "421281", ParentCode: "421200", NameZh: "赤壁市", NameEn: "Chibi", Level: "COUNTY", Lat: 29.725, Lng: 113.900},

	// Suizhou
	{Code: "421303", ParentCode: "421300", NameZh: "曾都区", NameEn: "Zengdu District", Level: "COUNTY", Lat: 31.716, Lng: 113.371},
	{Code: "421321", ParentCode: "421300", NameZh: "随县", NameEn: "Sui County", Level: "COUNTY", Lat: 31.614, Lng: 113.226},
	{Code: "421381", ParentCode: "421300", NameZh: "广水市", NameEn: "Guangshui", Level: "COUNTY", Lat: 31.617, Lng: 113.826},

	// Enshi
	{Code: "422801", ParentCode: "422800", NameZh: "恩施市", NameEn: "Enshi", Level: "COUNTY", Lat: 30.295, Lng: 109.479},
	{Code: "422802", ParentCode: "422800", NameZh: "利川市", NameEn: "Lichuan", Level: "COUNTY", Lat: 30.291, Lng: 108.936},
	{Code: "422822", ParentCode: "422800", NameZh: "建始县", NameEn: "Jianshi County", Level: "COUNTY", Lat: 30.602, Lng: 109.722},
	{Code: "422823", ParentCode: "422800", NameZh: "巴东县", NameEn: "Badong County", Level: "COUNTY", Lat: 31.042, Lng: 110.340},
	{Code: "422825", ParentCode: "422800", NameZh: "宣恩县", NameEn: "Xuan'en County", Level: "COUNTY", Lat: 29.987, Lng: 109.491},
	{Code: "422826", ParentCode: "422800", NameZh: "咸丰县", NameEn: "Xianfeng County", Level: "COUNTY", Lat: 29.665, Lng: 109.140},
	{Code: "422827", ParentCode: "422800", NameZh: "来凤县", NameEn: "Laifeng County", Level: "COUNTY", Lat: 29.494, Lng: 109.407},
	{Code: "422828", ParentCode: "422800", NameZh: "鹤峰县", NameEn: "Hefeng County", Level: "COUNTY", Lat: 29.890, Lng: 110.034},
}
