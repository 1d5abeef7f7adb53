$if(toc)$$table-of-contents$$endif$
<!--gd-split-->
$body$
<!--gd-split-->
$highlighting-css$
