package com.example.inventory.web

import jakarta.servlet.FilterChain
import jakarta.servlet.http.HttpServletRequest
import jakarta.servlet.http.HttpServletResponse
import org.slf4j.LoggerFactory
import org.slf4j.MDC
import org.springframework.core.Ordered
import org.springframework.core.annotation.Order
import org.springframework.dao.DataIntegrityViolationException
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.security.access.AccessDeniedException
import org.springframework.stereotype.Component
import org.springframework.web.bind.MethodArgumentNotValidException
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.RestControllerAdvice
import org.springframework.web.filter.OncePerRequestFilter
import java.security.SecureRandom
import java.util.HexFormat

@RestControllerAdvice
class ApiExceptionHandler {
    private val log = LoggerFactory.getLogger(ApiExceptionHandler::class.java)

    data class ErrorBody(val error: String, val fields: List<String> = emptyList(), val requestId: String? = null)

    @ExceptionHandler(MethodArgumentNotValidException::class)
    fun invalid(ex: MethodArgumentNotValidException): ResponseEntity<ErrorBody> =
        ResponseEntity.badRequest().body(ErrorBody("validation failed", ex.bindingResult.fieldErrors.map { it.field }))

    @ExceptionHandler(AccessDeniedException::class)
    fun forbidden(ex: AccessDeniedException): ResponseEntity<ErrorBody> =
        ResponseEntity.status(HttpStatus.FORBIDDEN).body(ErrorBody("forbidden"))

    @ExceptionHandler(DataIntegrityViolationException::class)
    fun conflict(ex: DataIntegrityViolationException): ResponseEntity<ErrorBody> {
        log.warn("integrity violation requestId={}", MDC.get("requestId"), ex)
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ErrorBody("conflict", requestId = MDC.get("requestId")))
    }

    @ExceptionHandler(Exception::class)
    fun unexpected(ex: Exception): ResponseEntity<ErrorBody> {
        log.error("unhandled exception requestId={}", MDC.get("requestId"), ex)
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body(ErrorBody("internal error", requestId = MDC.get("requestId")))
    }
}

@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter : OncePerRequestFilter() {
    private val random = SecureRandom()
    private val pattern = Regex("^[A-Za-z0-9-]{8,64}$")

    override fun doFilterInternal(request: HttpServletRequest, response: HttpServletResponse, chain: FilterChain) {
        val incoming = request.getHeader("X-Request-Id")
        val requestId = if (incoming != null && pattern.matches(incoming)) incoming else newId()
        MDC.put("requestId", requestId)
        response.setHeader("X-Request-Id", requestId)
        try {
            chain.doFilter(request, response)
        } finally {
            MDC.remove("requestId")
        }
    }

    private fun newId(): String {
        val bytes = ByteArray(12)
        random.nextBytes(bytes)
        return HexFormat.of().formatHex(bytes)
    }
}
