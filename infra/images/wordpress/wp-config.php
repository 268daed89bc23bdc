<?php
/*
 * Berth: WordPress's wp-config.php in the image (/usr/share/wordpress/wp-config.php, replacing
 * Debian's, which looks for /etc/wordpress/config-<host>.php). The site's own wp-config.php lives
 * on the site's volume and is used when present; it requires Berth's settings in turn.
 */
if (is_file('/srv/site/wp-config.php')) {
    require_once '/srv/site/wp-config.php';
} else {
    require_once '/etc/wordpress/berth-config.php';
}
