package main
func main() {
	mux.HandleFunc("GET /o/{id}", show)
	r := gin.Default()
	g := r.Group("/v1")
	g.POST("/items/:id", create)
}
