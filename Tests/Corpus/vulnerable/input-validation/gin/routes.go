package api

import (
	"html/template"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

func Register(r *gin.Engine) {
	r.GET("/reports/:name", func(c *gin.Context) {
		data, err := os.ReadFile(filepath.Join("./reports", c.Param("name"))) // expect: input-validation/path-traversal-go
		if err != nil {
			c.AbortWithStatus(http.StatusNotFound)
			return
		}
		c.Data(http.StatusOK, "application/pdf", data)
	})

	r.GET("/reports-safe/:name", func(c *gin.Context) {
		c.File(filepath.Join("./reports", filepath.Base(c.Param("name"))))
	})

	r.GET("/out", func(c *gin.Context) {
		c.Redirect(http.StatusFound, c.Query("to")) // expect: input-validation/open-redirect-go
	})

	r.GET("/home", func(c *gin.Context) {
		c.Redirect(http.StatusFound, "/dashboard")
	})

	r.POST("/tools/run", func(c *gin.Context) {
		tool := c.PostForm("tool")
		out, _ := exec.Command(tool, "--version").CombinedOutput() // expect: input-validation/command-injection-go
		c.String(http.StatusOK, string(out))
	})

	r.GET("/profile", func(c *gin.Context) {
		c.HTML(http.StatusOK, "profile.tmpl", gin.H{
			"bio": template.HTML(c.Query("bio")), // expect: input-validation/xss-go
		})
	})

	r.GET("/greet", func(c *gin.Context) {
		c.String(http.StatusOK, "Hello %s", c.Query("name"))
	})
}
