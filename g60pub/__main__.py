import sys

from g60pub.cli import main

sys.exit(main())
