// Every kind of fact the pipeline reads, in the order they are read (each module declares its
// kinds in the registry as it is loaded). A new kind is a module here and its cases.
import './backup.ts';
import './retention.ts';
import './tls.ts';
import './region.ts';
import './provider.ts';
import './law.ts';
import './access.ts';
import './encryption.ts';
import './timesync.ts';
import './notification.ts';
import './vulnerability.ts';
