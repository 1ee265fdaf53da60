// Size (and, on a quiet machine, cost) of one public state frame: a `first` session with a
// facilitator and six members, its first item running. Run from the repository root:
//   mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
//   jshell --class-path "target/classes:$(cat target/cp.txt)" scripts/state-frame.jsh
import app.roundtable.domain.*;
import app.roundtable.protocol.Frames;
var rnd = new java.util.Random(1);
var s = Sessions.create("c", "Leading through change", Template.FIRST, "k", 0, rnd);
var ctx = new Context(1000, rnd, Limits.DEFAULTS);
s = ((Outcome.Applied) Rules.apply(s, Action.of(null, new Command.Join("f", "Fay", "k", "r", "n")), ctx)).session();
for (int i = 0; i < 6; i++) s = ((Outcome.Applied) Rules.apply(s, Action.of(null, new Command.Join("m" + i, "Member " + i, null, "r" + i, "n")), ctx)).session();
s = ((Outcome.Applied) Rules.apply(s, Action.of("f", new Command.NextAgendaItem()), ctx)).session();
System.out.println("state frame bytes: " + Frames.stateUtf8(s).length);
long best = Long.MAX_VALUE;
for (int r = 0; r < 7; r++) { long t0 = System.nanoTime(); int n = 0; for (int i = 0; i < 50_000; i++) n += Frames.stateUtf8(s).length; long per = (System.nanoTime() - t0) / 50_000; best = Math.min(best, per); }
System.out.println("best of 7 x 50k encodes, ns per state frame: " + best);
/exit
