#!/bin/sh
# Builds test/fixtures/wordpress/ from a real WordPress: a small Hindi site made through
# WordPress's own APIs (build-site.php), exported with WordPress's own exporter, plus the
# figures WordPress's database gives for it. Not run by CI: its output is committed.
#
# Needs (Debian 12): apt-get install -y wordpress php-mysql php-cli php-gd, and MariaDB at
# 127.0.0.1:3306 where root may sign in without a password. It drops and recreates the
# database `wp_samachar_fixture` and writes /etc/wordpress/config-samachar-fixture.php.
#
#   sh scripts/wordpress-fixture/make-fixture.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../test/fixtures/wordpress"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mysql -uroot -h127.0.0.1 -e 'drop database if exists wp_samachar_fixture; create database wp_samachar_fixture character set utf8mb4 collate utf8mb4_unicode_ci'

mkdir -p "$work/wp-content/uploads"
cat > /etc/wordpress/config-samachar-fixture.php <<EOF
<?php
define('DB_NAME', 'wp_samachar_fixture');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1');
define('WP_CONTENT_DIR', '$work/wp-content');
define('WP_CONTENT_URL', 'http://samachar-fixture.example/wp-content');
define('WP_HOME', 'http://samachar-fixture.example');
define('WP_SITEURL', 'http://samachar-fixture.example');
EOF

FIXTURE_OUT="$work" php "$here/build-site.php"

rm -rf "$out"
mkdir -p "$out"
cp "$work/export.xml" "$out/export.xml"
cp "$work/figures.json" "$out/figures.json"
# Only the uploads (originals and the sub-sizes WordPress made), as an export's uploads folder is.
cp -r "$work/wp-content/uploads" "$out/uploads"
echo "Wrote $out"
