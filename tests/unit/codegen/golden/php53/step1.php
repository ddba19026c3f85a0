<?php

try {
  $result = $client->getUploadTokenService()->add();
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
