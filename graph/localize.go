package graph

// localize picks the text for the requested language. Chinese is the
// original; English falls back to it when no translation exists, so a client
// never shows an empty name.
func localize(lang *Language, zh, en string) string {
	if lang != nil && *lang == LanguageEn && en != "" {
		return en
	}
	return zh
}
