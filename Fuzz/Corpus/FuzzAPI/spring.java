@RestController
@RequestMapping("/owners")
class C {
  @GetMapping("/{id}")
  Owner show(@PathVariable int id) { return null; }
  @RequestMapping(value = "/x", method = RequestMethod.POST)
  void x() {}
}
