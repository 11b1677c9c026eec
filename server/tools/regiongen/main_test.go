package main

import (
	"os"
	"testing"

	"brandshow/server/dataio"
)

func TestRomanize(t *testing.T) {
	for name, want := range map[string]string{
		"江汉区":   "Jianghan District",
		"远安县":   "Yuan'an County",
		"猇亭区":   "Xiaoting District",
		"丹江口市":  "Danjiangkou",
		"神农架林区": "Shennongjia Forestry District",
	} {
		got, err := Romanize(name)
		if err != nil || got != want {
			t.Errorf("Romanize(%s) = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := Romanize("长阳土家族自治县"); err == nil {
		t.Error("an autonomous county's English name cannot be guessed; want an error")
	}
}

func TestRegionsKeepKnownNamesAndRefuseToDrop(t *testing.T) {
	f, err := os.Open("source/hubei.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	divisions, err := ReadSource(f)
	if err != nil {
		t.Fatal(err)
	}
	lat := 30.6
	known := []dataio.Region{{Code: "420102", NameZh: "江岸区", NameEn: "Jiang'an District", Latitude: &lat, Longitude: &lat},
		{Code: "422801", NameZh: "恩施市", NameEn: "Enshi"}, {Code: "422827", NameZh: "来凤县", NameEn: "Laifeng County"},
		{Code: "420528", NameZh: "长阳土家族自治县", NameEn: "Changyang Tujia Autonomous County"},
		{Code: "420529", NameZh: "五峰土家族自治县", NameEn: "Wufeng Tujia Autonomous County"},
		{Code: "422800", NameZh: "恩施土家族苗族自治州", NameEn: "Enshi Tujia and Miao Autonomous Prefecture"}}
	regions, err := Regions(divisions, known)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]dataio.Region{}
	for _, r := range regions {
		byCode[r.Code] = r
	}
	if r := byCode["420102"]; r.NameEn != "Jiang'an District" || r.Latitude == nil || r.ParentCode != "420100" || r.Level != "COUNTY" {
		t.Errorf("a known region lost its name or seat: %+v", r)
	}
	if r := byCode["429004"]; r.Level != "PREFECTURE" || r.ParentCode != "420000" || r.NameEn != "Xiantao" {
		t.Errorf("a directly administered city: %+v", r)
	}
	if r := byCode["420103"]; r.NameEn != "Jianghan District" || r.Latitude != nil {
		t.Errorf("a new county: %+v", r)
	}
	if _, err := Regions(divisions, append(known, dataio.Region{Code: "420199", NameZh: "虚构区"})); err == nil {
		t.Error("a known region missing from the source must be an error")
	}
}
