import Testing
@testable import BackcheckSQL

/// mysqldump output as it is written (the pg_dump and sqlite3 .schema forms are produced by
/// the real tools in the oracle tests).
@Suite struct DumpFormatTests {
    static let mysqldump = """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        --
        -- Host: localhost    Database: shop
        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
        /*!40101 SET NAMES utf8mb4 */;
        /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

        DROP TABLE IF EXISTS `orders`;
        /*!40101 SET @saved_cs_client     = @@character_set_client */;
        /*!50503 SET character_set_client = utf8mb4 */;
        CREATE TABLE `orders` (
          `id` bigint unsigned NOT NULL AUTO_INCREMENT,
          `user_id` bigint unsigned NOT NULL,
          `status` varchar(20) COLLATE utf8mb4_unicode_ci NOT NULL DEFAULT 'new',
          `created_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
          PRIMARY KEY (`id`),
          KEY `orders_user_id_foreign` (`user_id`),
          CONSTRAINT `orders_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
        ) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
        /*!40101 SET character_set_client = @saved_cs_client */;

        LOCK TABLES `orders` WRITE;
        /*!40000 ALTER TABLE `orders` DISABLE KEYS */;
        INSERT INTO `orders` VALUES (1,7,'new','2024-01-01 00:00:00'),(2,7,'it\\'s; DROP TABLE `orders`','2024-01-02 00:00:00');
        /*!40000 ALTER TABLE `orders` ENABLE KEYS */;
        UNLOCK TABLES;

        DROP TABLE IF EXISTS `users`;
        CREATE TABLE `users` (
          `id` bigint unsigned NOT NULL AUTO_INCREMENT,
          `email` varchar(191) NOT NULL,
          PRIMARY KEY (`id`),
          UNIQUE KEY `users_email_unique` (`email`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
        """

    @Test func mysqldumpLoads() throws {
        let facts = SQLFixtures.facts(Self.mysqldump)
        #expect(facts.dialect == .mysql)
        let schema = SchemaAnalysis.schema(from: [facts])
        #expect(schema.tables.keys.sorted() == ["orders", "users"])
        let orders = try #require(schema.tables["orders"])
        #expect(orders.columns.map(\.name) == ["id", "user_id", "status", "created_at"])
        #expect(orders.indexes.map(\.keys) == [[.column("id")], [.column("user_id")]])
        #expect(orders.foreignKeys.first?.onDelete == .cascade)
        #expect(schema.tables["users"]?.indexes.count == 2)
        #expect(SQLFixtures.findings("query-performance/fk-without-index", [("dump.sql", Self.mysqldump)]).isEmpty)
    }
}
