package io.mall.review.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** What a MongoDB write failure means for this service. */
final class MongoErrors {

    private MongoErrors() {
    }

    /** The write met a unique index: the document (or its key) exists already. */
    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
