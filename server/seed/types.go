package seed

// The demo data set is written as plain Go values so the compiler checks it;
// the loader in demo.go turns it into ent entities. Every record is keyed by a
// stable slug (or region code) so loading twice changes nothing.

// RegionSeed is one administrative division (GB/T 2260 code).
type RegionSeed struct {
	Code       string  // six digits, e.g. "421100"
	ParentCode string  // "" for the province
	NameZh     string  // 黄冈市
	NameEn     string  // Huanggang
	Level      string  // "PROVINCE", "PREFECTURE" or "COUNTY"
	Lat, Lng   float64 // approximate seat of government
}

// PictureSeed is an image reference; demo pictures point at /static/demo/... placeholders.
type PictureSeed struct {
	URL    string
	Alt    string
	AltEn  string
	Width  int
	Height int
}

// BrandSeed is one labor brand (劳务品牌).
type BrandSeed struct {
	Slug                 string // pinyin of NameZh, lower case, hyphen separated words, e.g. "hongan-dasao"
	NameZh, NameEn       string
	RegionCode           string // a county (or prefecture) code from the region list
	IndustryZh           string // 家政服务
	IndustryEn           string // Housekeeping
	Category             string // HIGH_END_SKILLED | QUALITY_SERVICE | CULTURE_TOURISM | LIVELIHOOD
	Level                string // COUNTY | CITY | PROVINCIAL | NATIONAL
	InResourceLibrary    bool   // 省级重点劳务品牌资源库
	InGuidanceCatalogue  bool   // 指导目录
	WorkersEmployed      int
	WorkersExported      int
	FoundedYear          int
	TrademarkCount       int
	PatentCount          int
	CreditRating         string // "", "AAA", "AA", "A", "B"
	SummaryZh, SummaryEn string
	StoryZh, StoryEn     string // several paragraphs separated by "\n\n"
	Featured             bool
	FeaturedRank         int  // lower comes first
	Draft                bool // true for a couple of unpublished brands
}

// RoleModelSeed is a brand's typical person (典型人物). Demo people are fictional.
type RoleModelSeed struct {
	Slug           string
	NameZh, NameEn string
	Kind           string // FOUNDER | INHERITOR | CONTRIBUTOR | AMBASSADOR | SKILL_MASTER
	TitleZh        string // one-line description, e.g. 某家政服务公司创办人（示例人物）
	TitleEn        string
	BioZh, BioEn   string
	HonoursZh      []string
	StudioZh       string // 技能大师工作室 name, only for SKILL_MASTER
	RegionCode     string
	BrandSlugs     []string
	Draft          bool
}

// EnterpriseSeed is a leading enterprise (领军企业).
type EnterpriseSeed struct {
	Slug                 string
	NameZh, NameEn       string
	SummaryZh, SummaryEn string
	RegionCode           string
	ProvincialLeading    bool // recognised as a provincial leading enterprise
	RecognizedYear       int
	Website              string
	BrandSlugs           []string
}

// AllianceSeed is a labor brand alliance (劳务品牌联盟).
type AllianceSeed struct {
	Slug                 string
	NameZh, NameEn       string
	SummaryZh, SummaryEn string
	PurposeZh, PurposeEn string
	Scope                string // INDUSTRY | REGION
	FoundedOn            string // "2021-06-18"
	LeadEnterpriseSlug   string
	BrandSlugs           []string
}

// VenueSeed is a cultural experience venue, park or training base.
type VenueSeed struct {
	Slug                 string
	NameZh, NameEn       string
	SummaryZh, SummaryEn string
	Kind                 string // HERITAGE_WORKSHOP | EXPERIENCE_HALL | EXPERIENCE_STREET | BUSINESS_DISTRICT | INDUSTRIAL_PARK | ENTREPRENEURSHIP_PARK | TRAINING_BASE
	RegionCode           string
	AddressZh, AddressEn string
	Lat, Lng             float64 // inside Hubei
	OpeningHoursZh       string
	OpeningHoursEn       string
	Phone                string
	BrandSlugs           []string
}

// CoverageSeed is one media report (媒体报道).
type CoverageSeed struct {
	Slug                 string
	TitleZh, TitleEn     string
	Outlet               string // 示例日报 — fictional outlets
	Medium               string // ONLINE | NEWSPAPER | MAGAZINE | RADIO | TV | FILM
	PublishedOn          string // "2023-05-04"
	Author               string
	URL                  string // https://example.com/...
	SummaryZh, SummaryEn string
	BodyZh               string
	BrandSlugs           []string
	RoleModelSlugs       []string
}
