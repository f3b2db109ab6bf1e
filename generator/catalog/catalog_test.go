package catalog

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestControlsNumbering(t *testing.T) {
	cs := Controls()
	if len(cs) != 93 {
		t.Fatalf("len(Controls()) = %d, want 93", len(cs))
	}
	want := map[Theme]int{Organizational: 37, People: 8, Physical: 14, Technological: 34}
	var ids []string
	for _, th := range Themes() {
		for n := 1; n <= want[th]; n++ {
			ids = append(ids, fmt.Sprintf("%d.%d", th.Number(), n))
		}
	}
	for i, c := range cs {
		if c.ID != ids[i] {
			t.Fatalf("Controls()[%d].ID = %q, want %q (gap or wrong order)", i, c.ID, ids[i])
		}
		if got := fmt.Sprint(c.Theme.Number()); !strings.HasPrefix(c.ID, got+".") {
			t.Errorf("control %s has theme %q (number %s)", c.ID, c.Theme, got)
		}
		if c.Title == "" || c.TitleZH == "" {
			t.Errorf("control %s lacks a title: %+v", c.ID, c)
		}
		if i > 0 && !cs[i-1].Less(c) {
			t.Errorf("%s.Less(%s) = false", cs[i-1].ID, c.ID)
		}
		if got, ok := Lookup(c.ID); !ok || got != c {
			t.Errorf("Lookup(%q) = %+v, %v", c.ID, got, ok)
		}
	}
	count := map[Theme]int{}
	for _, c := range cs {
		count[c.Theme]++
	}
	for th, n := range want {
		if count[th] != n {
			t.Errorf("theme %s has %d controls, want %d", th, count[th], n)
		}
	}
}

func TestThemes(t *testing.T) {
	got := Themes()
	want := []Theme{Organizational, People, Physical, Technological}
	if !slices.Equal(got, want) {
		t.Fatalf("Themes() = %v", got)
	}
	for i, th := range got {
		if th.Number() != 5+i {
			t.Errorf("%s.Number() = %d, want %d", th, th.Number(), 5+i)
		}
	}
	if n := Theme("legal").Number(); n != 0 {
		t.Errorf(`Theme("legal").Number() = %d, want 0`, n)
	}
}

func TestNewControls(t *testing.T) {
	var got []string
	for _, c := range Controls() {
		if c.New {
			got = append(got, c.ID)
		}
	}
	want := []string{"5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"}
	if !slices.Equal(got, want) {
		t.Errorf("new controls = %v, want %v", got, want)
	}
}

func TestVerifiedChinese(t *testing.T) {
	want := map[string]string{
		"5.15": "访问控制", "5.18": "访问权限", "8.3": "信息访问限制",
		"8.18": "特权实用程序的使用", "8.20": "网络安全", "8.22": "网络隔离", "8.23": "网页过滤",
	}
	for _, c := range Controls() {
		zh, ok := want[c.ID]
		if c.TitleZHVerified != ok {
			t.Errorf("control %s: TitleZHVerified = %v, want %v", c.ID, c.TitleZHVerified, ok)
		}
		if ok && c.TitleZH != zh {
			t.Errorf("control %s: TitleZH = %q, want %q", c.ID, c.TitleZH, zh)
		}
	}
}

func TestControlsIsACopy(t *testing.T) {
	Controls()[0].Title = "changed"
	if c, _ := Lookup("5.1"); c.Title != "Policies for information security" {
		t.Errorf("Lookup(5.1).Title = %q after modifying Controls()", c.Title)
	}
}

func TestLookupCanonicalOnly(t *testing.T) {
	for _, id := range []string{"A.5.1", " 5.1", "5.01", "5.38", ""} {
		if _, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) succeeded", id)
		}
	}
	c, ok := Lookup("8.13")
	if !ok || c.Title != "Information backup" || c.Theme != Technological {
		t.Errorf("Lookup(8.13) = %+v, %v", c, ok)
	}
}

func TestMap2013(t *testing.T) {
	d := load()
	if len(d.old) != 114 {
		t.Errorf("%d ISO/IEC 27001:2013 controls, want 114", len(d.old))
	}
	perGroup := map[string]int{}
	for key, o := range d.old {
		if o.ID != "A."+key {
			t.Errorf("2013 control %q stored under %q", o.ID, key)
		}
		perGroup[key[:strings.IndexByte(key, '.')]]++
		for _, to := range o.MapsTo {
			if _, ok := Lookup(to); !ok {
				t.Errorf("%s maps to %q, not a 2022 control", o.ID, to)
			}
		}
	}
	// ISO/IEC 27001:2013 Annex A clauses A.5–A.18 and their control counts.
	want := map[string]int{"5": 2, "6": 7, "7": 6, "8": 10, "9": 14, "10": 2, "11": 15,
		"12": 14, "13": 7, "14": 13, "15": 5, "16": 7, "17": 4, "18": 8}
	for g, n := range want {
		if perGroup[g] != n {
			t.Errorf("A.%s has %d controls, want %d", g, perGroup[g], n)
		}
	}
	// Every 2022 control that is not new replaces at least one 2013 control.
	targets := map[string]bool{}
	for _, o := range d.old {
		for _, to := range o.MapsTo {
			targets[to] = true
		}
	}
	for _, c := range Controls() {
		if !c.New && !targets[c.ID] {
			t.Errorf("control %s is not new but no 2013 control maps to it", c.ID)
		}
	}
}

func TestMap2013Export(t *testing.T) {
	m := Map2013()
	if len(m) != 114 || !slices.Equal(m["12.3.1"], []string{"8.13"}) || !slices.Equal(m["9.1.1"], []string{"5.15"}) {
		t.Errorf("Map2013: %d controls, 12.3.1 → %q, 9.1.1 → %q", len(m), m["12.3.1"], m["9.1.1"])
	}
	m["9.1.1"][0] = "x"
	if Map2013()["9.1.1"][0] != "5.15" {
		t.Error("Map2013 shares its slices")
	}
}

func TestReplaced(t *testing.T) {
	for id, want := range map[string][]string{
		"5.15": {"A.9.1.1", "A.9.1.2"},
		"8.13": {"A.12.3.1"},
		"5.7":  nil, // new in 2022
		"9.9":  nil,
	} {
		if got := Replaced(id); !slices.Equal(got, want) {
			t.Errorf("Replaced(%q) = %q, want %q", id, got, want)
		}
	}
}
