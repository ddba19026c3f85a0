<?php

try {
  $result = $client->uploadToken->add();
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
