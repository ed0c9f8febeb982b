package web

import (
	"net/http"
	"os/exec"
	"path"

	"github.com/labstack/echo/v4"
)

const uploadDir = "/srv/uploads"

type Handler struct{}

func (h *Handler) Attachment(c echo.Context) error {
	return c.File(path.Join(uploadDir, c.QueryParam("f"))) // expect: input-validation/path-traversal-go
}

func (h *Handler) AttachmentSafe(c echo.Context) error {
	return c.File(path.Join(uploadDir, path.Base(c.QueryParam("f"))))
}

func (h *Handler) Back(c echo.Context) error {
	return c.Redirect(http.StatusSeeOther, c.QueryParam("return")) // expect: input-validation/open-redirect-go
}

func (h *Handler) Message(c echo.Context) error {
	msg := c.FormValue("msg")
	return c.HTML(http.StatusOK, "<p>"+msg+"</p>") // expect: input-validation/xss-go
}

func (h *Handler) MessageJSON(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"msg": c.FormValue("msg")})
}

func (h *Handler) Convert(c echo.Context) error {
	name := c.Param("name")
	cmd := exec.CommandContext(c.Request().Context(), "bash", "-c", "convert "+name+" out.png") // expect: input-validation/command-injection-go
	return cmd.Run()
}

func (h *Handler) ConvertSafe(c echo.Context) error {
	return exec.CommandContext(c.Request().Context(), "convert", "--", c.Param("name"), "out.png").Run()
}
