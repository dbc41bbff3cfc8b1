package org.tongpao.procurement.api;

/** How a channel reports progress: Tongpao asks ({@link Channel#progress}), or the channel pushes ({@link ProgressSink} or REST). */
public enum ProgressMode {
    PULL,
    PUSH
}
