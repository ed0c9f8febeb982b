package com.example.billing.web

import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

data class NoteRequest(val text: String)

@RestController
class InvoiceController(private val jdbcTemplate: JdbcTemplate) {

    @GetMapping("/invoices")
    fun list(@RequestParam status: String, @RequestParam(required = false) sort: String?): List<Invoice> {
        val safe = jdbcTemplate.query("SELECT * FROM invoices WHERE status = ?", InvoiceMapper, status)  // expect: query-performance/select-star
        val sql = "SELECT * FROM invoices WHERE status = '$status' ORDER BY ${sort ?: "id"}"
        val unsafe = jdbcTemplate.query(sql, InvoiceMapper) // expect: input-validation/sql-injection-java
        return safe + unsafe
    }

    @GetMapping("/invoices/{id}")
    fun get(@PathVariable id: String): Invoice? {
        val invoiceId = id.toLong()
        return jdbcTemplate.query("SELECT * FROM invoices WHERE id = $invoiceId", InvoiceMapper).firstOrNull()
    }

    @PostMapping("/invoices/{number}/notes")
    fun addNote(@PathVariable number: String, @RequestBody note: NoteRequest) {
        jdbcTemplate.update("INSERT INTO notes (invoice, text) VALUES (?, ?)", number, note.text)
        jdbcTemplate.update("UPDATE invoices SET last_note = '${note.text}' WHERE number = ?", number) // expect: input-validation/sql-injection-java
    }
}
