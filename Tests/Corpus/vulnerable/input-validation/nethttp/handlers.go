package handlers

import (
	"fmt"
	"html"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

const filesRoot = "/srv/files"

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	http.ServeFile(w, r, filepath.Join(filesRoot, name)) // expect: input-validation/path-traversal-go
}

func DownloadSafe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	http.ServeFile(w, r, filepath.Join(filesRoot, name))
}

func DownloadChecked(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(filesRoot, r.URL.Query().Get("file"))
	if !strings.HasPrefix(p, filesRoot+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, p)
}

func Lookup(w http.ResponseWriter, r *http.Request) {
	domain := r.FormValue("domain")
	out, err := exec.Command("sh", "-c", "whois "+domain).Output() // expect: input-validation/command-injection-go
	if err != nil {
		http.Error(w, "lookup failed", http.StatusBadGateway)
		return
	}
	w.Write(out)
}

func LookupSafe(w http.ResponseWriter, r *http.Request) {
	out, _ := exec.Command("whois", "--", r.FormValue("domain")).Output()
	w.Write(out)
}

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name) // expect: input-validation/xss-go
}

func HelloSafe(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(r.URL.Query().Get("name")))
}

func AfterLogin(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	http.Redirect(w, r, next, http.StatusFound) // expect: input-validation/open-redirect-go
}

func Order(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/orders/"+r.URL.Query().Get("id"), http.StatusFound)
}
