package dev.floe.catalog;

import java.util.Map;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.DelegateFileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * A view of the opened catalog's FileIO for Iceberg's catalogs and tables, which close the FileIOs
 * they are given (a REST catalog closes a table's FileIO when the table is garbage collected):
 * closing the view does nothing; the opened catalog closes the FileIO itself. Thread-safe when the
 * delegate is.
 */
final class SharedFileIO implements DelegateFileIO {
  private static final long serialVersionUID = 1L;

  private final transient DelegateFileIO delegate;

  SharedFileIO(DelegateFileIO delegate) {
    this.delegate = delegate;
  }

  @Override
  public InputFile newInputFile(String path) {
    return delegate.newInputFile(path);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return delegate.newInputFile(path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return delegate.newOutputFile(path);
  }

  @Override
  public void deleteFile(String path) {
    delegate.deleteFile(path);
  }

  @Override
  public void deleteFiles(Iterable<String> pathsToDelete) throws BulkDeletionFailureException {
    delegate.deleteFiles(pathsToDelete);
  }

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    return delegate.listPrefix(prefix);
  }

  @Override
  public void deletePrefix(String prefix) {
    delegate.deletePrefix(prefix);
  }

  @Override
  public Map<String, String> properties() {
    return delegate.properties();
  }

  /** Ignored: the FileIO was initialized when it was opened. */
  @Override
  public void initialize(Map<String, String> properties) {
    // The shared FileIO is configured from the storage profile, not from catalog properties.
  }

  /** Does nothing: the opened catalog closes the shared FileIO. */
  @Override
  public void close() {
    // Owned by the opened catalog.
  }

  @Override
  public String toString() {
    return "SharedFileIO[" + delegate.getClass().getSimpleName() + "]";
  }
}
