package io.berth.persistence.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

  @TempDir Path directory;

  @Test
  void aMissingKeyFileIsCreatedForItsOwnerOnly_andReadTheSameNextTime() throws Exception {
    Path file = directory.resolve("home/secrets.key");

    SecretKey created = SecretKeys.fromFile(file);
    SecretKey again = SecretKeys.fromFile(file);

    assertThat(created.getEncoded()).hasSize(32).isEqualTo(again.getEncoded());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var left = Files.list(file.getParent())) {
      assertThat(left).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void manyCreatingTheFileAtOnceAllGetTheSameKey() throws Exception {
    Path file = directory.resolve("secrets.key");
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<byte[]>> keys = new ArrayList<>();
    try {
      for (int i = 0; i < callers; i++) {
        Callable<byte[]> load =
            () -> {
              start.await();
              return SecretKeys.fromFile(file).getEncoded();
            };
        keys.add(pool.submit(load));
      }
      start.countDown();
      byte[] first = keys.get(0).get();
      for (Future<byte[]> key : keys) {
        assertThat(key.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aKeyGivenAsBase64MustBe32Bytes_andTheMessageDoesNotRepeatIt() {
    assertThat(
            SecretKeys.fromBase64("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "k").getEncoded())
        .hasSize(32);
    assertThatThrownBy(() -> SecretKeys.fromBase64("c2hvcnQtc2VjcmV0", "berth.secrets.key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("berth.secrets.key must hold the base64 form of 32 random bytes")
        .hasMessageNotContaining("c2hvcnQtc2VjcmV0");
    assertThatThrownBy(() -> SecretKeys.fromBase64("not base64!", "k"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDamagedKeyFileIsRefused() throws Exception {
    Path file = directory.resolve("secrets.key");
    Files.writeString(file, "too short\n");

    assertThatThrownBy(() -> SecretKeys.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Key file " + file);
  }
}
