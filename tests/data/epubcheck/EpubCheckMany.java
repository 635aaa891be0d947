// Run EPUBCheck over many books in one JVM: the jar's command line takes one
// book per run, and JVM start-up plus schema loading cost more than a check.
// Usage: java -cp epubcheck.jar EpubCheckMany.java BOOK...  (writes BOOK.json)
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckMany {
  public static void main(String[] books) {
    for (String book : books) {
      int status = new EpubChecker().run(new String[] {book, "-q", "--json", book + ".json"});
      System.out.println(status + " " + book);
    }
  }
}
