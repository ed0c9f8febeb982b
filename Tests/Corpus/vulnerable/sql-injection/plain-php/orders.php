<?php
require __DIR__ . '/db.php';

$pdo = db();
$action = $_GET['action'] ?? 'list';

if ($action === 'list') {
    $status = $_GET['status'] ?? 'open';
    $stmt = $pdo->prepare('SELECT * FROM orders WHERE status = ?');  // expect: query-performance/select-star
    $stmt->execute([$status]);
    echo json_encode($stmt->fetchAll());
} elseif ($action === 'view') {
    $id = (int) $_GET['id'];
    $row = $pdo->query("SELECT * FROM orders WHERE id = $id")->fetch();
    echo json_encode($row);
} elseif ($action === 'search') {
    $rows = $pdo->query("SELECT * FROM orders WHERE customer LIKE '%" . $_GET['q'] . "%'")->fetchAll(); // expect: input-validation/sql-injection-php, query-performance/select-star, query-performance/leading-wildcard-like
    echo json_encode($rows);
} elseif ($action === 'cancel') {
    $conn = mysqli_connect('db', 'app', getenv('DB_PASS'), 'shop');
    $ref = $_POST['ref'];
    $reason = mysqli_real_escape_string($conn, $_POST['reason']);
    mysqli_query($conn, "UPDATE orders SET cancelled = 1, reason = '$reason' WHERE ref = 'x'");
    mysqli_query($conn, "UPDATE orders SET cancelled = 1 WHERE ref = '$ref'"); // expect: input-validation/sql-injection-php
    echo 'ok';
} elseif ($action === 'export') {
    $format = $_COOKIE['fmt'] ?? 'csv';
    $sql = "SELECT * FROM exports WHERE format = '{$format}'";
    $rows = $pdo->query($sql)->fetchAll(); // expect: input-validation/sql-injection-php
    echo json_encode($rows);
}
