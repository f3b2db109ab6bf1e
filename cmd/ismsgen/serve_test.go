package main

import (
	"bufio"
	"bytes"
	"io"
	"ismsgen/internal/sitetest"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// serve prints the URL once, serves the site until it is stopped, and
// stops cleanly.
func TestServeCommand(t *testing.T) {
	site := sitetest.Sample(t)
	outR, outW := io.Pipe()
	var stderr bytes.Buffer
	stop := make(chan struct{})
	code := make(chan int, 1)
	go func() {
		code <- serveUntil([]string{"--source", site, "--addr", "127.0.0.1:0"}, outW, &stderr, stop)
		outW.Close()
	}()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	// The sample speaks Chinese.
	serving := regexp.MustCompile(`^正在提供 .*：(http://127\.0\.0\.1:\d+/)（按 Ctrl-C 停止）$`)
	var url string
	timeout := time.After(time.Minute)
	for url == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("serve ended: %s", stderr.String())
			}
			if m := serving.FindStringSubmatch(l); m != nil {
				url = m[1]
			}
		case <-timeout:
			t.Fatal("serve printed no URL")
		}
	}
	resp, err := http.Get(url + "docs/ISMS-P-009/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "管理评审程序") {
		t.Errorf("GET: %d", resp.StatusCode)
	}
	// A page of another site whose name points at 127.0.0.1 reads nothing.
	req, _ := http.NewRequest("GET", url+"docs/ISMS-P-009/", nil)
	req.Host = "rebound.example:" + strings.TrimSuffix(url[strings.LastIndex(url, ":")+1:], "/")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Error(err)
	} else {
		resp.Body.Close()
		if resp.StatusCode != http.StatusMisdirectedRequest {
			t.Errorf("GET with Host %s: %d, want 421", req.Host, resp.StatusCode)
		}
	}
	close(stop)
	var rest []string
	for l := range lines {
		rest = append(rest, l)
	}
	if c := <-code; c != exitOK {
		t.Errorf("exit %d\n%s", c, stderr.String())
	}
	if len(rest) == 0 || rest[len(rest)-1] != "已停止" {
		t.Errorf("output after the URL: %q", rest)
	}
}

func TestServeUsageErrors(t *testing.T) {
	site := sitetest.Sample(t)
	if err := sitetest.SetLanguage(site, "en"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--source", site, "--addr", ":0"}, "would serve the site on every network interface"},
		{[]string{"--source", site, "--addr", "nonsense"}, "write host:port"},
		{[]string{"--source", site + "/nope", "--addr", "127.0.0.1:0"}, "is not a folder"},
		{[]string{"--source", site, "extra"}, "unexpected argument"},
	} {
		var stdout, stderr bytes.Buffer
		stop := make(chan struct{})
		close(stop)
		if code := serveUntil(tc.args, &stdout, &stderr, stop); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, exitUsage)
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, tc.want, stderr.String())
		}
	}
}
