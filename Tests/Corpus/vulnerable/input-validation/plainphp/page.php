<?php
require_once __DIR__ . '/../bootstrap.php';

$action = $_GET['action'] ?? 'home';

if ($action === 'view') {
    include $_GET['page'] . '.php'; // expect: input-validation/path-traversal-php
}

if ($action === 'download') {
    $name = basename($_GET['file']);
    readfile(__DIR__ . '/downloads/' . $name);
}

if ($action === 'ping') {
    system('ping -c 1 ' . $_GET['host']); // expect: input-validation/command-injection-php
}

if ($action === 'ping-safe') {
    system('ping -c 1 ' . escapeshellarg($_GET['host']));
}

if ($action === 'search') {
    $q = $_GET['q'];
    echo "<p>No results for $q</p>"; // expect: input-validation/xss-php
    echo '<p>Try again: ' . htmlspecialchars($_GET['q'], ENT_QUOTES, 'UTF-8') . '</p>';
}

if ($action === 'calc') {
    $result = eval('return ' . $_POST['expr'] . ';'); // expect: input-validation/code-injection-php
    echo json_encode(['result' => $result]);
}

if ($action === 'logout') {
    session_destroy();
    header('Location: ' . $_GET['next']); // expect: input-validation/open-redirect-php
    exit;
}

if ($action === 'order') {
    header('Location: /orders/' . (int) $_GET['id']);
    exit;
}
