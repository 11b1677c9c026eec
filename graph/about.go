package graph

// About says what the data set is, so clients can mark sample content.
type About struct {
	SampleContent bool
}

// Notice returns the sentence a client shows with the content.
func (a About) Notice(lang *Language) string {
	if a.SampleContent {
		return localize(lang,
			"本站展示的是示例数据，人物、企业与报道均为虚构，仅用于演示。",
			"This site shows sample data: people, enterprises and reports are fictional, for demonstration only.")
	}
	return localize(lang,
		"内容由湖北省人力资源和社会保障部门编辑发布。",
		"Content edited and published by Hubei's human resources and social security departments.")
}
