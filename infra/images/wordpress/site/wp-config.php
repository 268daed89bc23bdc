<?php
/*
 * This site's WordPress configuration. It is yours: it lives with your files and is kept when the
 * site's container is re-created.
 *
 * The database, the site's address and the secret keys are set by Berth, from the container's
 * environment (see /etc/wordpress/berth-config.php in the image). To change a setting, define it
 * above the require line: what is defined here wins. For example:
 *
 *   define('WP_POST_REVISIONS', 10);
 */

require_once '/etc/wordpress/berth-config.php';
