package io.berth.activities.proxy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process on the host changing nginx sites: holds the lock on the file named by its
 * argument from the moment it prints "locked" until a line arrives on its standard input.
 */
final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel =
            FileChannel.open(
                Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }
}
