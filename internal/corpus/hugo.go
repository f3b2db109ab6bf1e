package corpus

import (
	"embed"
	"fmt"
	"strconv"
)

// The Hugo site: the same documents, links written as relative page URLs,
// and minimal layouts that show the front matter as ismsgen's document
// page does, for a comparison of like with like.
//
//go:embed hugo
var hugoFiles embed.FS

// hugoLink links to the target's page: with disablePathToLower every
// page is /tierN/ID/, two levels below the root.
func hugoLink(_ *rng, _, to *doc) string {
	return "[" + to.title + "](../../" + to.dir() + "/" + to.id + "/)"
}

var tierNames = [3]string{"一级文件 Tier 1", "二级文件 Tier 2", "三级文件 Tier 3"}

func addHugoFiles(files map[string][]byte) {
	for _, name := range []string{"hugo.toml", "baseof.html", "single.html", "list.html"} {
		data, err := hugoFiles.ReadFile("hugo/" + name)
		if err != nil {
			panic(err) // embedded above
		}
		if name == "hugo.toml" {
			files[name] = data
		} else {
			files["layouts/_default/"+name] = data
		}
	}
	for i, t := range tierNames {
		files["content/tier"+strconv.Itoa(i+1)+"/_index.md"] = fmt.Appendf(nil, "+++\ntitle = %s\n+++\n", tomlString(t))
	}
}
