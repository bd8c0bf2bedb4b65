<?php
/**
 * Makes a small Hindi WordPress site through WordPress's own functions, exports it with
 * WordPress's own exporter (export_wp, as Tools → Export does) and writes the figures
 * WordPress's database gives for it. Run by make-fixture.sh (which sets up the database
 * and the config); the output goes to $FIXTURE_OUT: export.xml, figures.json and
 * wp-content/uploads/.
 *
 * The site: two authors, nested Devanagari categories and tags (WordPress percent-encodes
 * their slugs), three small photos with sub-sizes, captions, alt text and a credit,
 * stories in the classic editor's HTML (with [caption]) and in Gutenberg block markup
 * (paragraph, heading, image, quote, list, gallery, YouTube and X embeds, and a table,
 * which Samachar does not have), threaded comments in every moderation state, a draft, a
 * scheduled, a private, a trashed and a sticky story, and a page.
 */
$out = getenv('FIXTURE_OUT');
if (!$out) { fwrite(STDERR, "FIXTURE_OUT is not set\n"); exit(1); }

$_SERVER['WORDPRESS_CONFIG'] = 'samachar-fixture';
$_SERVER['HTTP_HOST'] = 'samachar-fixture.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = 'samachar-fixture.example';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

wp_install('समाचार परीक्षण', 'asha', 'asha@example.com', true, '', wp_generate_password(24));
// Pretty permalinks, as most sites use; taxonomies registered before this learn their /category/ and /tag/ addresses again.
$GLOBALS['wp_rewrite']->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
create_initial_taxonomies();
update_option('timezone_string', 'Asia/Kolkata');
update_option('blogdescription', 'हिंदी समाचार का परीक्षण');
// Small sub-sizes keep the fixture small: 150×150 thumbnails and 300-wide medium copies.
update_option('thumbnail_size_w', 150);
update_option('thumbnail_size_h', 150);
update_option('medium_size_w', 300);
update_option('medium_size_h', 300);
update_option('medium_large_size_w', 0);
update_option('medium_large_size_h', 0);
update_option('large_size_w', 1024);
update_option('large_size_h', 1024);

wp_update_user(['ID' => 1, 'display_name' => 'आशा वर्मा', 'first_name' => 'आशा', 'last_name' => 'वर्मा', 'description' => 'दिल्ली से राजनीति पर लिखती हैं।']);
$ravi = wp_insert_user(['user_login' => 'ravi', 'user_pass' => wp_generate_password(24), 'user_email' => 'ravi@example.com', 'display_name' => 'रवि कुमार', 'first_name' => 'रवि', 'last_name' => 'कुमार', 'role' => 'author']);
if (is_wp_error($ravi)) { fwrite(STDERR, $ravi->get_error_message() . "\n"); exit(1); }
// As the site's admin: WordPress keeps block comments and figures as written (unfiltered_html).
wp_set_current_user(1);

function term(string $name, string $taxonomy, int $parent = 0): int {
  $t = wp_insert_term($name, $taxonomy, ['parent' => $parent]);
  if (is_wp_error($t)) { fwrite(STDERR, $t->get_error_message() . "\n"); exit(1); }
  return (int) $t['term_id'];
}
$desh = term('देश', 'category');
$rajya = term('राज्य', 'category', $desh);
$videsh = term('विदेश', 'category');
$khel = term('खेल', 'category');
term('चुनाव', 'post_tag');
term('क्रिकेट', 'post_tag');
term('संसद', 'post_tag');

/** A small photo drawn with GD, uploaded to 2024/03 and made an attachment with its sub-sizes. */
function photo(string $file, string $type, array $rgb, string $title, string $caption, string $alt, string $credit, int $parent): int {
  $img = imagecreatetruecolor(480, 320);
  imagefill($img, 0, 0, imagecolorallocate($img, $rgb[0], $rgb[1], $rgb[2]));
  imagefilledellipse($img, 240, 160, 200, 140, imagecolorallocate($img, 255, 255, 255));
  imagefilledrectangle($img, 40, 240, 440, 280, imagecolorallocate($img, 20, 20, 20));
  ob_start();
  if ($type === 'image/png') imagepng($img, null, 9); else imagejpeg($img, null, 70);
  $bytes = ob_get_clean();
  $upload = wp_upload_bits($file, null, $bytes, '2024/03');
  if ($upload['error']) { fwrite(STDERR, $upload['error'] . "\n"); exit(1); }
  $id = wp_insert_attachment(['post_mime_type' => $type, 'post_title' => $title, 'post_excerpt' => $caption, 'post_content' => '', 'post_status' => 'inherit', 'post_date' => '2024-03-10 10:00:00'], $upload['file'], $parent);
  $meta = wp_generate_attachment_metadata($id, $upload['file']);
  // WordPress reads a credit from a photo's IPTC data; these drawn photos have none, so it is set as WordPress stores it.
  $meta['image_meta']['credit'] = $credit;
  wp_update_attachment_metadata($id, $meta);
  update_post_meta($id, '_wp_attachment_image_alt', $alt);
  return $id;
}

function post(array $args): int {
  $id = wp_insert_post(wp_slash($args + ['post_author' => 1, 'post_type' => 'post', 'comment_status' => 'open']), true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  return $id;
}

function comment(int $post, string $author, string $email, string $text, $approved, string $date, int $parent = 0, string $url = ''): int {
  return wp_insert_comment(wp_slash(['comment_post_ID' => $post, 'comment_author' => $author, 'comment_author_email' => $email, 'comment_author_url' => $url, 'comment_content' => $text, 'comment_approved' => $approved, 'comment_date' => $date, 'comment_date_gmt' => get_gmt_from_date($date), 'comment_parent' => $parent, 'comment_author_IP' => '203.0.113.9']));
}

$base = 'http://samachar-fixture.example/wp-content/uploads/2024/03';

// 1. Classic editor: the HTML as the classic editor stores it (paragraphs as blank lines, no <p>), sticky.
$classic = post([
  'post_title' => 'संसद में बजट पेश, किसानों के लिए नई योजना',
  'post_excerpt' => 'वित्त मंत्री ने कहा कि गांवों पर सबसे ज़्यादा खर्च होगा।',
  'post_status' => 'publish',
  'post_date' => '2024-03-12 09:30:00',
  'post_category' => [$desh],
  'tags_input' => ['संसद', 'चुनाव'],
  'post_content' => "वित्त मंत्री ने मंगलवार को <strong>संसद</strong> में बजट पेश किया। पूरा भाषण <a href=\"https://example.com/budget\">यहां पढ़ें</a>।\n\nउन्होंने कहा कि <em>किसानों</em> की आय दोगुनी करना लक्ष्य है।\n\n<h2>किसानों के लिए क्या</h2>\n<ul>\n\t<li>सस्ता कर्ज़</li>\n\t<li>फ़सल बीमा</li>\n</ul>\n<blockquote>यह बजट गांवों का बजट है।</blockquote>\n[caption id=\"attachment_PHOTO2\" align=\"aligncenter\" width=\"300\"]<img class=\"size-medium wp-image-PHOTO2\" src=\"$base/sansad-300x200.jpg\" alt=\"संसद भवन\" width=\"300\" height=\"200\" /> संसद भवन में बजट के दिन[/caption]\n\n<ol>\n\t<li>पहला कदम</li>\n\t<li>दूसरा कदम</li>\n</ol>",
]);
$photo1 = photo('kisan.jpg', 'image/jpeg', [40, 120, 60], 'खेत में किसान', 'खेत में काम करते किसान', 'हरे खेत में किसान', 'फ़ोटो: आशा वर्मा', $classic);
$photo2 = photo('sansad.jpg', 'image/jpeg', [150, 90, 40], 'संसद भवन', 'संसद भवन में बजट के दिन', 'संसद भवन', 'फ़ोटो: रवि कुमार', $classic);
$photo3 = photo('naksha.png', 'image/png', [30, 60, 160], 'राज्यों का नक्शा', 'राज्यों में मतदान', 'भारत के राज्यों का नक्शा', 'ग्राफ़िक: समाचार', 0);
wp_update_post(wp_slash(['ID' => $classic, 'post_content' => str_replace('PHOTO2', (string) $photo2, get_post($classic)->post_content)]));
set_post_thumbnail($classic, $photo1);
stick_post($classic);

// 2. Gutenberg block markup, in a child category, by the second author.
$blocks = <<<HTML
<!-- wp:paragraph -->
<p>राज्य में पहले चरण का मतदान <strong>शांतिपूर्ण</strong> रहा।</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">कहां कितना मतदान</h2>
<!-- /wp:heading -->

<!-- wp:image {"id":PHOTO3,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$base/naksha.png" alt="भारत के राज्यों का नक्शा" class="wp-image-PHOTO3"/><figcaption class="wp-element-caption">राज्यों में मतदान</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>लोकतंत्र का उत्सव है।</p>
<!-- /wp:paragraph --><cite>मुख्य चुनाव अधिकारी</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>उत्तर में 61%</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>दक्षिण में 58%</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":PHOTO1,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$base/kisan.jpg" alt="हरे खेत में किसान" class="wp-image-PHOTO1"/><figcaption class="wp-element-caption">मतदान के बाद खेत में</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":PHOTO2,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$base/sansad.jpg" alt="संसद भवन" class="wp-image-PHOTO2"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div><figcaption class="wp-element-caption">मतदान केंद्र से वीडियो</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:embed {"url":"https://twitter.com/ECISVEEP/status/1780000000000000000","type":"rich","providerNameSlug":"twitter","responsive":true} -->
<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/ECISVEEP/status/1780000000000000000
</div></figure>
<!-- /wp:embed -->

<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>ज़िला</td><td>मतदान</td></tr><tr><td>पटना</td><td>57%</td></tr></tbody></table></figure>
<!-- /wp:table -->
HTML;
$gutenberg = post([
  'post_title' => 'पहले चरण का मतदान शांतिपूर्ण',
  'post_excerpt' => 'कई ज़िलों में लंबी कतारें दिखीं।',
  'post_status' => 'publish',
  'post_author' => $ravi,
  'post_date' => '2024-03-15 18:05:00',
  'post_modified' => '2024-03-16 08:00:00',
  'post_category' => [$rajya],
  'tags_input' => ['चुनाव'],
  'post_content' => strtr($blocks, ['PHOTO1' => (string) $photo1, 'PHOTO2' => (string) $photo2, 'PHOTO3' => (string) $photo3]),
]);
set_post_thumbnail($gutenberg, $photo3);

// 3. More stories: another published one, a draft, a scheduled, a private and a trashed one.
$cricket = post(['post_title' => 'भारत ने सीरीज़ जीती', 'post_status' => 'publish', 'post_date' => '2024-03-18 21:00:00', 'post_category' => [$khel], 'tags_input' => ['क्रिकेट'], 'post_content' => "<!-- wp:paragraph -->\n<p>आख़िरी मैच में भारत ने पांच विकेट से जीत दर्ज की।</p>\n<!-- /wp:paragraph -->"]);
post(['post_title' => 'अधूरी रिपोर्ट', 'post_status' => 'draft', 'post_date' => '2024-03-19 10:00:00', 'post_category' => [$videsh], 'post_content' => 'यह अभी लिखी जा रही है।']);
post(['post_title' => 'कल का मौसम', 'post_status' => 'future', 'post_date' => '2099-01-15 07:00:00', 'post_category' => [$desh], 'post_content' => 'कल बारिश होगी।']);
post(['post_title' => 'संपादकों के लिए नोट', 'post_status' => 'private', 'post_date' => '2024-03-20 12:00:00', 'post_category' => [$desh], 'post_content' => 'यह केवल संपादकों के लिए है।']);
$trashed = post(['post_title' => 'हटाई गई ख़बर', 'post_status' => 'publish', 'post_date' => '2024-03-11 12:00:00', 'post_category' => [$desh], 'post_content' => 'पुरानी ख़बर।']);
wp_trash_post($trashed);

// 4. A page.
post(['post_type' => 'page', 'post_title' => 'हमारे बारे में', 'post_status' => 'publish', 'post_date' => '2024-01-01 10:00:00', 'post_content' => "<!-- wp:paragraph -->\n<p>समाचार परीक्षण एक हिंदी समाचार साइट है।</p>\n<!-- /wp:paragraph -->"]);

// 5. Comments: a thread of three, a pending one, spam and trash; emails stay private.
$c1 = comment($classic, 'मीना', 'meena@example.com', 'अच्छा बजट है।', 1, '2024-03-12 11:00:00');
comment($classic, 'राहुल', 'rahul@example.com', "मैं सहमत नहीं हूं।\nकिसानों को और चाहिए।", 1, '2024-03-12 12:00:00', $c1);
$c3 = comment($classic, 'सुनील', 'sunil@example.com', 'पूरा भाषण कहां मिलेगा?', 1, '2024-03-12 13:00:00', 0, 'https://sunil.example.org/');
comment($classic, 'आशा वर्मा', 'asha@example.com', 'लेख में लिंक है।', 1, '2024-03-12 14:00:00', $c3);
comment($classic, 'अनजान', 'x@example.com', 'इंतज़ार में टिप्पणी', 0, '2024-03-13 09:00:00');
comment($classic, 'Cheap pills', 'spam@example.com', 'buy now http://spam.example/', 'spam', '2024-03-13 10:00:00');
comment($gutenberg, 'गीता', 'geeta@example.com', 'मेरे गांव में भी लंबी कतार थी।', 1, '2024-03-15 20:00:00');
comment($gutenberg, 'हटाया', 'trash@example.com', 'हटाई गई टिप्पणी', 'trash', '2024-03-15 21:00:00');
comment($cricket, 'विजय', 'vijay@example.com', 'शानदार जीत!', 1, '2024-03-18 22:00:00');

// The export, exactly as Tools → Export → All content writes it.
ob_start();
export_wp(['content' => 'all']);
file_put_contents("$out/export.xml", ob_get_clean());

// WordPress's own figures for the test to compare with.
global $wpdb;
$by = function (string $sql): array {
  global $wpdb;
  $r = [];
  foreach ($wpdb->get_results($sql, ARRAY_N) as [$k, $n]) $r[(string) $k] = (int) $n;
  ksort($r);
  return $r;
};
$path = fn (string $url): string => substr($url, strlen(home_url())) ?: '/';
$posts = [];
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1, 'orderby' => 'ID', 'order' => 'ASC']) as $p) {
  $posts[] = [
    'id' => $p->ID,
    'type' => $p->post_type,
    'status' => $p->post_status,
    'title' => $p->post_title,
    'slug' => $p->post_name,
    'excerpt' => $p->post_excerpt,
    'date_gmt' => $p->post_date_gmt,
    'modified_gmt' => $p->post_modified_gmt,
    'author' => get_the_author_meta('user_login', $p->post_author),
    'permalink' => $p->post_status === 'publish' ? $path(get_permalink($p)) : null,
    'thumbnail' => (int) get_post_thumbnail_id($p) ?: null,
    'categories' => wp_get_post_categories($p->ID, ['fields' => 'names']),
    'tags' => wp_get_post_tags($p->ID, ['fields' => 'names']),
    'comments' => $by($wpdb->prepare("select comment_approved, count(*) from $wpdb->comments where comment_post_ID = %d group by comment_approved", $p->ID)),
    'sticky' => is_sticky($p->ID),
  ];
}
$terms = [];
foreach (get_terms(['taxonomy' => ['category', 'post_tag'], 'hide_empty' => false, 'orderby' => 'term_id']) as $t) {
  $terms[] = ['id' => $t->term_id, 'taxonomy' => $t->taxonomy, 'name' => $t->name, 'slug' => $t->slug, 'parent' => $t->parent, 'link' => $path(get_term_link($t))];
}
$attachments = [];
foreach (get_posts(['post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1, 'orderby' => 'ID', 'order' => 'ASC']) as $a) {
  $meta = wp_get_attachment_metadata($a->ID);
  $attachments[] = ['id' => $a->ID, 'file' => $meta['file'], 'sizes' => array_keys($meta['sizes']), 'caption' => $a->post_excerpt, 'alt' => get_post_meta($a->ID, '_wp_attachment_image_alt', true), 'credit' => $meta['image_meta']['credit'], 'link' => $path(get_attachment_link($a))];
}
$authors = [];
foreach (get_users(['orderby' => 'ID']) as $u) $authors[] = ['id' => $u->ID, 'login' => $u->user_login, 'display_name' => $u->display_name, 'link' => $path(get_author_posts_url($u->ID))];
$figures = [
  'wordpress' => get_bloginfo('version'),
  'site' => home_url(),
  'posts_by_status' => $by("select post_status, count(*) from $wpdb->posts where post_type = 'post' group by post_status"),
  'pages_by_status' => $by("select post_status, count(*) from $wpdb->posts where post_type = 'page' group by post_status"),
  'attachments' => (int) $wpdb->get_var("select count(*) from $wpdb->posts where post_type = 'attachment'"),
  'comments_by_state' => $by("select comment_approved, count(*) from $wpdb->comments group by comment_approved"),
  'terms_by_taxonomy' => $by("select taxonomy, count(*) from $wpdb->term_taxonomy group by taxonomy"),
  'sticky' => array_map('intval', get_option('sticky_posts')),
  'posts' => $posts,
  'terms' => $terms,
  'attachment_list' => $attachments,
  'authors' => $authors,
];
file_put_contents("$out/figures.json", json_encode($figures, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) . "\n");
echo "Built the site and exported it\n";
